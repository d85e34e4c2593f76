import type { ChildProcess } from "node:child_process";
import { expect, type Response, test } from "@playwright/test";
import { formatMoney, productMicros } from "@/lib/pricing/money";
import { startServer, stopServer } from "../test/next-server";
import { CANARY_FAL_KEY } from "./fixtures/canary";
import { fillRun, formReady, runCard } from "./fixtures/queue";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 90;
const STAND_IN_PORT = PORT + 1;
const origin = `http://127.0.0.1:${PORT}`;
const VISITOR_KEY = "visitor-1234:abcdefgh12345678";
let servers: ChildProcess[] = [];

/*
 * A fal-mode server with a key of its own, and a simulator standing in for fal behind it: its
 * queue, its storage and its Platform API (prices, estimates). The stand-in refuses the first
 * price and the first estimate it is asked for with 403, as fal does for a key without the scope.
 */
test.beforeAll(async () => {
  servers.push(
    await startServer(STAND_IN_PORT, {
      PLAYGROUND_TEST_HOOKS: "1",
      SIMULATOR_STEP_MS: "20",
      SIMULATOR_FAULTS: "error=1,code=403,on=pricing+estimate",
    }),
  );
  servers.push(
    await startServer(PORT, {
      FAL_MODE: "fal",
      FAL_KEY: CANARY_FAL_KEY,
      PLAYGROUND_TEST_HOOKS: "1",
      FAL_UPSTREAM_ORIGIN: `http://127.0.0.1:${STAND_IN_PORT}/api/simulator`,
    }),
  );
});

test.afterAll(() => {
  servers.forEach(stopServer);
  servers = [];
});

function isResult(response: Response): boolean {
  const request = response.request();
  return request.method() === "GET" && /\/requests\/[^/]+$/.test(request.headers()["x-fal-target-url"] ?? "");
}

test("in fal mode: a key without the scope gives 'price unknown' and runs go on; the visitor's own key gets fal's price, estimate and bill", async ({
  page,
}) => {
  const pricing: string[] = [];
  page.on("response", async (response) => {
    if (new URL(response.url()).pathname === "/api/pricing") pricing.push(await response.text());
  });
  await page.goto(`${origin}/`);

  // The server's key: the stand-in refuses it with 403 (no scope for prices). Asked at the first focus.
  await formReady(page);
  await page.getByLabel("Prompt", { exact: true }).focus();
  const price = page.getByTestId("run-price");
  await expect(price).toHaveText("price unknown");
  await expect(price).toHaveAttribute("title", /lacks the scope/);
  await fillRun(page, "billed to the playground");
  await page.getByRole("button", { name: /^Run/ }).click();
  const refusedCard = runCard(page, "billed to the playground");
  await expect(refusedCard).toHaveAttribute("data-status", "completed");
  await expect(refusedCard.getByTestId("run-cost")).toHaveText("price unknown");
  await expect(refusedCard.getByTestId("run-cost-detail")).toContainText("fal answered 403");

  // The visitor's own key: asked again, with that key; fal's price, not a simulated one.
  await page.getByLabel("Your fal key").fill(VISITOR_KEY);
  await page.getByRole("button", { name: "Use my key" }).click();
  await expect(price).toHaveText("≈ $0.00067 a run");
  await fillRun(page, "billed to me");
  const result = page.waitForResponse(isResult);
  await page.getByRole("button", { name: /^Run/ }).click();
  const units = (await result).headers()["x-fal-billable-units"] ?? "";
  expect(units).toMatch(/^\d+(\.\d+)?$/);
  const card = runCard(page, "billed to me");
  await expect(card).toHaveAttribute("data-status", "completed");
  const cost = formatMoney(productMicros(units, "0.00111") ?? Number.NaN, "USD");
  await expect(card.getByTestId("run-cost")).toHaveText(cost);
  await expect(card.getByTestId("run-cost")).toHaveAttribute("title", `Billed ${units} × $0.00111 per compute second.`);

  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByTestId("history-costs")).toHaveText(
    `Cost of kept runs: ${cost} · today: ${cost} (1 run with the price unknown)`,
  );

  // The Sweep dialog's total, from this run of the same settings.
  await page.getByRole("button", { name: "Sweep", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Sweep" });
  await dialog.getByLabel("Values").first().fill("5, 9");
  await expect(dialog.getByTestId("sweep-cost")).toHaveText(
    `2 runs ≈ ${formatMoney(2 * (productMicros(units, "0.00111") ?? 0), "USD")}`,
  );
  await expect(dialog).toContainText("Expected from your recent runs of these settings.");

  expect(pricing.length).toBeGreaterThanOrEqual(2);
  for (const answer of pricing) {
    expect(answer).not.toContain(CANARY_FAL_KEY);
    expect(answer).not.toContain("abcdefgh12345678");
  }
});
