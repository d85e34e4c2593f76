import { expect, type Page, type Response, test } from "@playwright/test";
import { formatMoney, productMicros } from "@/lib/pricing/money";
import { seriousViolations } from "./fixtures/axe";
import { CANARY_FAL_KEY } from "./fixtures/canary";
import { fillRun, formReady, runCard } from "./fixtures/queue";

/** The simulator's stand-in price (lib/simulator/http-pricing.ts): per compute second. */
const UNIT_PRICE = "0.00111";

function isResult(response: Response): boolean {
  const request = response.request();
  return request.method() === "GET" && /\/requests\/[^/]+$/.test(request.headers()["x-fal-target-url"] ?? "");
}

function isSubmit(response: Response): boolean {
  const request = response.request();
  return request.method() === "POST" && (request.headers()["x-fal-target-url"] ?? "").endsWith("/image-to-image");
}

/** Runs the form and answers the billable units fal's result answer carried. */
async function runBilled(page: Page, prompt: string): Promise<string> {
  await fillRun(page, prompt);
  const result = page.waitForResponse(isResult);
  await page.getByRole("button", { name: /^Run/ }).click();
  const units = (await result).headers()["x-fal-billable-units"] ?? "";
  await expect(runCard(page, prompt)).toHaveAttribute("data-status", "completed");
  return units;
}

const costOf = (units: string) => productMicros(units, UNIT_PRICE) ?? Number.NaN;

test("a run shows what it cost (the simulator's price, marked simulated), and History adds up the kept runs and today's", async ({
  page,
}) => {
  await page.goto("/");
  // Nothing is priced before the visitor's first press, key or focus: the pricing code loads with it.
  const price = page.getByTestId("run-price");
  await formReady(page);
  await expect(price).toHaveCount(0);
  await page.getByLabel("Prompt", { exact: true }).focus();
  // Before any run of these settings: fal's estimate of one run, here 30 steps of 20 ms at $0.00111.
  await expect(price).toHaveText("≈ $0.00067 a run, simulated");

  const first = await runBilled(page, "a lighthouse at dusk");
  expect(first).toMatch(/^\d+(\.\d+)?$/);
  const card = runCard(page, "a lighthouse at dusk");
  await expect(card.getByTestId("run-cost")).toHaveText(`${formatMoney(costOf(first), "USD")} simulated`);
  await expect(card.getByTestId("run-cost")).toHaveAttribute(
    "title",
    `Billed ${first} × $0.00111 per compute second: the simulator's stand-in price, not fal's.`,
  );
  await expect(card.getByTestId("run-cost-detail")).toHaveCount(0);
  // Now from this run: the same settings cost what it did.
  await expect(price).toHaveText(`≈ ${formatMoney(costOf(first), "USD")} a run, simulated`);

  const second = await runBilled(page, "a lighthouse at noon");
  await page.getByRole("tab", { name: "History" }).click();
  const total = formatMoney(costOf(first) + costOf(second), "USD");
  await expect(page.getByTestId("history-costs")).toHaveText(
    `Cost of kept runs: ${total} simulated · today: ${total} simulated`,
  );
  const history = page.getByRole("list", { name: "History" });
  await expect(history.getByTestId("run-cost")).toHaveText([
    `${formatMoney(costOf(second), "USD")} simulated`,
    `${formatMoney(costOf(first), "USD")} simulated`,
  ]);

  // Kept with the run: a reload shows the same.
  await page.reload();
  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByTestId("history-costs")).toContainText(`Cost of kept runs: ${total} simulated`);
  expect(await (await page.request.get("/api/pricing")).text()).not.toContain(CANARY_FAL_KEY);
});

test("without billable units the cost is worked out from the inference time and marked ≈; Compare shows both costs", async ({
  page,
}) => {
  await page.goto("/");
  await page.route("**/api/fal/proxy", async (route) => {
    const target = route.request().headers()["x-fal-target-url"] ?? "";
    if (route.request().method() !== "GET" || !/\/requests\/[^/]+$/.test(target)) return route.fallback();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers["x-fal-billable-units"];
    return route.fulfill({ response, headers });
  });
  await fillRun(page, "a quiet harbour");
  await page.getByRole("button", { name: /^Run/ }).click();
  const card = runCard(page, "a quiet harbour");
  await expect(card).toHaveAttribute("data-status", "completed");
  await expect(card.getByTestId("run-cost")).toHaveText(/^≈ \$0\.\d+ simulated$/);
  await expect(card.getByTestId("run-cost-detail")).toContainText("Estimated: fal sent no billable units, so ");
  await page.unrouteAll({ behavior: "ignoreErrors" });

  const billed = await runBilled(page, "a busy harbour");
  await page.getByRole("group", { name: "Result actions" }).getByRole("button", { name: "Compare" }).click();
  await page.getByRole("tab", { name: "History" }).click();
  await page
    .getByRole("list", { name: "History" })
    .getByRole("listitem")
    .last()
    .getByRole("button", { name: "Compare" })
    .click();
  const dialog = page.getByRole("dialog", { name: "Compare A and B" });
  await expect(dialog.locator("figcaption").first()).toContainText(`${formatMoney(costOf(billed), "USD")} simulated`);
  await expect(dialog.locator("figcaption").last()).toContainText(/≈ \$0\.\d+ simulated/);
});

test("the Sweep dialog gives the total before anything is sent, and a sweep over the visitor's budget asks first", async ({
  page,
}) => {
  await page.goto("/");
  await fillRun(page, "a sweep of lighthouses");
  const submits: string[] = [];
  page.on("response", (response) => {
    if (isSubmit(response)) submits.push(response.url());
  });
  await page.getByRole("button", { name: "Sweep", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Sweep" });
  await dialog.getByLabel("Values").first().fill("1-8 step 1");
  await dialog.getByLabel("Setting").last().selectOption({ label: "Seed" });
  await dialog.getByLabel("Values").last().fill("1, 2, 3, 4, 5, 6, 7, 8");
  // 64 default runs at fal's estimate of one: 64 × $0.000666.
  await expect(dialog.getByTestId("sweep-cost")).toHaveText("64 runs ≈ $0.043");
  await expect(dialog).toContainText("Simulated: the simulator's stand-in price, from fal's estimate of a run.");
  const budget = dialog.getByLabel("Ask before a sweep over");
  await expect(budget).toHaveValue("1");
  expect(await seriousViolations(page)).toEqual([]);

  await budget.fill("lots");
  await expect(dialog.getByRole("alert")).toHaveText("Give an amount, like 1 or 2.50.");
  await budget.fill("0.04");
  await expect(dialog.getByTestId("sweep-cost")).toHaveText("64 runs ≈ $0.043, over your budget of $0.04");
  await dialog.getByRole("button", { name: "Start 64 runs" }).click();
  await expect(dialog.getByRole("status")).toHaveText("64 runs ≈ $0.043, over your budget. Start anyway?");
  await dialog.getByRole("button", { name: "Back" }).click();
  await expect(dialog.getByRole("button", { name: "Start 64 runs" })).toBeVisible();
  expect(submits).toEqual([]);

  // Fewer runs are within the budget, and start at once; the budget is remembered.
  await dialog.getByLabel("Values").last().fill("1");
  await expect(dialog.getByTestId("sweep-cost")).toHaveText("8 runs ≈ $0.0053");
  await dialog.getByRole("button", { name: "Start 8 runs" }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => submits.length).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Sweep", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Sweep" }).getByLabel("Ask before a sweep over")).toHaveValue("0.04");
});

test("a sweep over the budget starts once the visitor confirms", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => window.localStorage.setItem("fal-lora-playground:sweep-budget", "0.001"));
  await fillRun(page, "two lighthouses");
  await page.getByRole("button", { name: "Sweep", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Sweep" });
  await dialog.getByLabel("Values").first().fill("5, 9");
  await expect(dialog.getByTestId("sweep-cost")).toHaveText("2 runs ≈ $0.0013, over your budget of $0.001");
  await dialog.getByRole("button", { name: "Start 2 runs" }).click();
  await dialog.getByRole("button", { name: "Start 2 runs anyway" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Output" })).toContainText("All 2 finished.");
});

test("pricing unreachable or slow: the page says price unknown, and every run still goes out and finishes", async ({
  page,
}) => {
  // Held: no answer at all while the first run goes out and comes back.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/pricing", async (route) => {
    await held;
    await route.abort("connectionrefused");
  });
  await page.goto("/");
  await fillRun(page, "priced later");
  await page.getByRole("button", { name: /^Run/ }).click();
  const card = runCard(page, "priced later");
  await expect(card).toHaveAttribute("data-status", "completed");
  await expect(card.getByTestId("run-cost")).toHaveCount(0);
  release();
  await expect(card.getByTestId("run-cost")).toHaveText("price unknown");
  await expect(card.getByTestId("run-cost-detail")).toHaveText(
    "Price unknown: the pricing route could not be reached.",
  );
  await expect(page.getByTestId("run-price")).toHaveText("price unknown");

  await fillRun(page, "still runs");
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(runCard(page, "still runs")).toHaveAttribute("data-status", "completed");
  await expect(runCard(page, "still runs").getByRole("alert")).toHaveCount(0);
});
