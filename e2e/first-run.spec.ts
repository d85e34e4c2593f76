import { expect, test } from "@playwright/test";
import { makePng } from "./fixtures/images";
import { formReady, runLogs } from "./fixtures/queue";

test("uploads an init image, runs it in the simulator and shows a loaded result", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("status").filter({ hasText: "Simulator mode" })).toBeVisible();

  await page.getByLabel("Prompt", { exact: true }).fill("a lighthouse at dusk, oil painting");
  await page.getByLabel("Init image", { exact: true }).setInputFiles({
    name: "init.png",
    mimeType: "image/png",
    buffer: await makePng(160, 96),
  });
  const preview = page.getByRole("img", { name: "Init image preview" });
  await expect(preview).toBeVisible();
  await expect(page.getByText("160 × 96")).toBeVisible();

  await page.getByRole("button", { name: /^Run/ }).click();

  const run = page.getByRole("article").first();
  await expect(runLogs(run)).toContainText("Step");
  await expect(run).toHaveAttribute("data-status", "completed");

  const result = page.getByRole("img", { name: /^Result 1 of run/ });
  await expect(result).toBeVisible();
  await expect.poll(() => result.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(160);
});

test("a blank model is refused in the form and nothing is submitted (a blank prompt is fal's to take)", async ({
  page,
}) => {
  await page.goto("/");
  let submitted = false;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/fal/proxy") && request.method() === "POST") submitted = true;
  });
  await formReady(page);
  await page.getByLabel("Model", { exact: true }).fill(" ");
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(page.getByText("Model is required.")).toBeVisible();
  await expect(page.getByLabel("Model", { exact: true })).toBeFocused();
  expect(submitted).toBe(false);
});
