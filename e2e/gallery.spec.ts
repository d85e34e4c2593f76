import { expect, test } from "@playwright/test";
import { loadedWidth, rewriteResults, runCard, startRun, formReady } from "./fixtures/queue";

test("the lightbox steps through results with the keyboard and compares before and after", async ({ page }) => {
  await page.goto("/");
  await startRun(page, "first of two", { width: 96, height: 64 });
  await expect(runCard(page, "first of two")).toHaveAttribute("data-status", "completed");
  await startRun(page, "second of two");
  await expect(runCard(page, "second of two")).toHaveAttribute("data-status", "completed");

  await expect(page.getByRole("list", { name: "This session's runs" }).getByRole("listitem")).toHaveCount(2);
  const output = page.getByRole("region", { name: "Output" });
  await expect(output).toContainText(/seed \d+/);
  await expect(output).toContainText("PNG");

  await page.getByRole("list", { name: "Results" }).getByRole("button").click();
  const viewer = page.getByRole("dialog", { name: "Result viewer" });
  await expect(viewer).toContainText("1 of 2");
  await expect(viewer).toContainText("second of two");
  await page.keyboard.press("ArrowRight");
  await expect(viewer).toContainText("2 of 2");
  await expect(viewer).toContainText("first of two");
  await expect(viewer.getByRole("img", { name: "Init image (before)" })).toBeVisible();
  const slider = viewer.getByLabel("Before / after");
  await slider.fill("20");
  await expect(viewer.getByRole("img", { name: "Init image (before)" })).toHaveAttribute(
    "style",
    /inset\(0px 80% 0px 0px\)|inset\(0 80% 0 0\)/,
  );
  await slider.press("ArrowLeft");
  await expect(viewer).toContainText("2 of 2");
  await viewer.getByRole("button", { name: "Close" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(viewer).toContainText("1 of 2");
  await page.keyboard.press("Escape");
  await expect(viewer).toBeHidden();
  await expect(runCard(page, "second of two")).toHaveAttribute("data-status", "completed");
});

test("Download saves the image under a name taken from the prompt and seed", async ({ page }) => {
  await page.goto("/");
  await startRun(page, "Download me please");
  await expect(runCard(page, "Download me please")).toHaveAttribute("data-status", "completed");
  await page.getByRole("list", { name: "Results" }).getByRole("button").first().click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("dialog").getByRole("button", { name: "Download" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^download-me-please-seed-\d+\.png$/);
});

test("Reuse all settings restores the run's whole input into the form", async ({ page }) => {
  await page.goto("/");
  await formReady(page);
  await page.getByLabel("Noise strength", { exact: true }).fill("0.8");
  await startRun(page, "settings to bring back");
  await expect(runCard(page, "settings to bring back")).toHaveAttribute("data-status", "completed");

  await page.getByLabel("Prompt", { exact: true }).fill("something else entirely");
  await page.getByLabel("Noise strength", { exact: true }).fill("0.2");
  await page.getByRole("list", { name: "Results" }).getByRole("button").first().click();
  await page.getByRole("dialog").getByRole("button", { name: "Reuse all settings" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("settings to bring back");
  await expect(page.getByLabel("Noise strength", { exact: true })).toHaveValue("0.8");
});

test("Use as init image puts the result into the drop zone", async ({ page }) => {
  await page.goto("/");
  await startRun(page, "becomes the next init image", { width: 112, height: 72 });
  await expect(runCard(page, "becomes the next init image")).toHaveAttribute("data-status", "completed");
  await page.getByRole("button", { name: "Remove init image" }).click();
  await expect(page.getByRole("img", { name: "Init image preview" })).toHaveCount(0);

  await page.getByRole("list", { name: "Results" }).getByRole("button").first().click();
  const resultUrl = await page
    .getByRole("dialog")
    .getByRole("img", { name: /^Result 1 of run/ })
    .getAttribute("src");
  await page.getByRole("dialog").getByRole("button", { name: "Use as init image" }).click();
  const preview = page.getByRole("img", { name: "Init image preview" });
  await expect(preview).toHaveAttribute("src", resultUrl ?? "missing");
  await expect.poll(() => loadedWidth(page, "Init image preview")).toBe(112);
});

test("a result flagged by the safety checker says so", async ({ page }) => {
  await rewriteResults(page, (output) => ({ ...output, has_nsfw_concepts: [true] }));
  await page.goto("/");
  await startRun(page, "flagged result");
  await expect(runCard(page, "flagged result")).toHaveAttribute("data-status", "completed");
  await expect(page.getByRole("region", { name: "Output" })).toContainText("Flagged as NSFW");
});
