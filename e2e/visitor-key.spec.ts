import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startServer, stopServer } from "../test/next-server";
import { makePng } from "./fixtures/images";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 60;
const origin = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | undefined;

// A fal-mode server with no key of its own; the main test server's simulator stands in for fal.
test.beforeAll(async ({ baseURL }) => {
  server = await startServer(PORT, {
    FAL_MODE: "fal",
    FAL_KEY: "",
    PLAYGROUND_TEST_HOOKS: "1",
    FAL_UPSTREAM_ORIGIN: `${baseURL}/api/simulator`,
  });
});

test.afterAll(() => {
  if (server) stopServer(server);
});

test("in fal mode without a server key, a run says what to do, and the visitor's own key makes it work", async ({ page }) => {
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

  await page.getByLabel("Init image", { exact: true }).setInputFiles({ name: "init.png", mimeType: "image/png", buffer: await makePng(88, 56) });
  await expect(page.getByText("88 × 56")).toBeVisible();
  await refused.getByRole("button", { name: /Retry/ }).click();
  await expect(refused).toHaveAttribute("data-status", "completed");

  await page.getByRole("button", { name: /^Run/ }).click();
  const result = page.getByRole("list", { name: "Results" }).getByRole("img").first();
  await expect.poll(() => result.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(88);
});
