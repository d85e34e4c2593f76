import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startServer, stopServer } from "../test/next-server";
import { makePng } from "./fixtures/images";
import { extendSubmits, formReady } from "./fixtures/queue";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 60;
const STAND_IN_PORT = PORT + 1;
const origin = `http://127.0.0.1:${PORT}`;
let servers: ChildProcess[] = [];

/*
 * A fal-mode server with no key of its own, and a simulator standing in for fal behind it. Like
 * fal's app, which has no cancel handler, the stand-in lets a running request finish after a 202.
 */
test.beforeAll(async () => {
  const standIn = await startServer(STAND_IN_PORT, {
    PLAYGROUND_TEST_HOOKS: "1",
    SIMULATOR_STEP_MS: "20",
    SIMULATOR_FAULTS: "ignorecancel=100%",
  });
  servers = [standIn];
  servers.push(
    await startServer(PORT, {
      FAL_MODE: "fal",
      FAL_KEY: "",
      PLAYGROUND_TEST_HOOKS: "1",
      FAL_UPSTREAM_ORIGIN: `http://127.0.0.1:${STAND_IN_PORT}/api/simulator`,
    }),
  );
});

test.afterAll(() => {
  servers.forEach(stopServer);
});

test("in fal mode without a server key, a run says what to do, and the visitor's own key makes it work", async ({
  page,
}) => {
  await page.goto(`${origin}/`);
  await expect(page.getByRole("status").filter({ hasText: "Live mode" })).toContainText("need your own fal key");

  await page.getByLabel("Prompt", { exact: true }).fill("paid with my own key");
  await page.getByRole("button", { name: /^Run/ }).click();
  const refused = page.getByRole("article").filter({ hasText: "paid with my own key" });
  await expect(refused).toHaveAttribute("data-status", "failed");
  await expect(refused).toContainText("enter your own fal key");

  await page.getByLabel("Your fal key").fill("not a key");
  await page.getByRole("button", { name: "Use my key" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "key-id:secret" })).toBeVisible();
  await page.getByLabel("Your fal key").fill("visitor-1234:abcdefgh12345678");
  await page.getByRole("button", { name: "Use my key" }).click();
  await expect(page.getByRole("button", { name: "Forget my fal key" })).toBeVisible();
  expect(await page.evaluate(() => JSON.stringify(window.sessionStorage))).toContain("visitor-1234");

  await page
    .getByLabel("Init image", { exact: true })
    .setInputFiles({ name: "init.png", mimeType: "image/png", buffer: await makePng(88, 56) });
  await expect(page.getByText("88 × 56")).toBeVisible();
  // fal's rules: a 401 is never offered Retry; with the key given, Run sends the same settings again.
  await expect(refused.getByRole("button", { name: /Retry/ })).toHaveCount(0);

  await page.getByRole("button", { name: /^Run/ }).click();
  const result = page.getByRole("region", { name: "Output" }).getByRole("img").first();
  await expect.poll(() => result.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(88);
});

test("against a stand-in that answers as fal does: a 64-bit seed shown exactly, a 202 cancel followed to its end, simulator files named before Run", async ({
  page,
}) => {
  await page.goto(`${origin}/`);
  await formReady(page);
  await page.getByLabel("Your fal key").fill("visitor-1234:abcdefgh12345678");
  await page.getByRole("button", { name: "Use my key" }).click();
  const submits: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && (request.headers()["x-fal-target-url"] ?? "").endsWith("/image-to-image"))
      submits.push(request.url());
  });

  await page
    .getByLabel("Init image URL", { exact: true })
    .fill(`${origin}/api/simulator/files/tok_old/from-history.png`);
  await page.getByRole("button", { name: "Use URL for Init image" }).click();
  await page.getByLabel("Prompt", { exact: true }).fill("an image fal cannot reach");
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(
    page.getByText("This image is stored by the local simulator, which fal cannot reach; drop the image again."),
  ).toBeVisible();
  expect(submits).toEqual([]);
  await page.getByRole("button", { name: "Remove init image" }).click();

  await page.getByLabel("Random seed", { exact: true }).uncheck();
  await page.getByLabel("Seed", { exact: true }).fill("0");
  await page.getByLabel("Prompt", { exact: true }).fill("fal picks a 64-bit seed");
  const result = page.waitForResponse(
    (response) =>
      response.request().method() === "GET" &&
      /\/requests\/[^/]+$/.test(response.request().headers()["x-fal-target-url"] ?? ""),
  );
  await page.getByRole("button", { name: /^Run/ }).click();
  const literal = /"seed":(\d+)/.exec(await (await result).text())?.[1] ?? "";
  expect(BigInt(literal) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  const seeded = page.getByRole("article").filter({ hasText: "fal picks a 64-bit seed" });
  await expect(seeded).toHaveAttribute("data-status", "completed");
  await expect(seeded.getByTestId("run-seed")).toHaveText(`Seed 0 (random on fal): fal picked ${literal}`);
  await expect(page.getByRole("region", { name: "Output" })).toContainText(`seed ${literal}`);

  await extendSubmits(page, { num_inference_steps: 150 });
  await page.getByLabel("Prompt", { exact: true }).fill("cancelled while running");
  await page.getByRole("button", { name: /^Run/ }).click();
  const running = page.getByRole("article").filter({ hasText: "cancelled while running" });
  await expect(running).toHaveAttribute("data-status", "running");
  const cancel = page.waitForResponse((response) => response.request().method() === "PUT");
  await running.getByRole("button", { name: /^Cancel/ }).click();
  expect((await cancel).status()).toBe(202);
  await expect(running.getByRole("status").filter({ hasText: "Cancel requested" })).toBeVisible();
  await expect(running).toHaveAttribute("data-status", "completed");
  await expect(running).toContainText("Finished despite the cancel");
  await expect(running.getByRole("alert")).toHaveCount(0);
  expect(submits).toHaveLength(2);
});
