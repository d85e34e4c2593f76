import { expect, test } from "@playwright/test";
import { extendSubmits, loadedWidth, runCard, startRun } from "./fixtures/queue";

test("history survives a reload, and runs can be deleted one by one or all at once", async ({ page }) => {
  await page.goto("/");
  await startRun(page, "kept after reload", { width: 80, height: 80 });
  await expect(runCard(page, "kept after reload")).toHaveAttribute("data-status", "completed");
  await startRun(page, "also kept");
  await expect(runCard(page, "also kept")).toHaveAttribute("data-status", "completed");

  await page.reload();
  const history = page.getByRole("list", { name: "History" });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByRole("listitem").first()).toContainText("also kept");
  await expect(history.getByRole("listitem").first()).toContainText("Completed");
  await expect(page.getByRole("list", { name: "Results" }).getByRole("listitem")).toHaveCount(2);
  await expect.poll(() => loadedWidth(page, /^Result 1 of run/)).toBeGreaterThan(0);
  await expect(page.getByRole("article")).toHaveCount(0);

  await history.getByRole("listitem").nth(1).getByRole("button", { name: "Reuse settings" }).click();
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("kept after reload");

  await history.getByRole("listitem").filter({ hasText: "also kept" }).getByRole("button", { name: "Delete" }).click();
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole("list", { name: "History" }).getByRole("listitem")).toHaveCount(1);

  await page.getByRole("button", { name: "Clear history" }).click();
  await page.getByRole("button", { name: "Delete all" }).click();
  await expect(page.getByRole("list", { name: "History" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("Runs are kept here, in this browser.")).toBeVisible();
});

test("a reload in the middle of a run resumes it by request id and it completes", async ({ page }) => {
  await extendSubmits(page, { num_inference_steps: 150 });
  await page.goto("/");
  await startRun(page, "survives a reload");
  const card = runCard(page, "survives a reload");
  await expect(card.getByRole("list", { name: "Run logs" })).toContainText("Step");
  const requestId = ((await card.getAttribute("aria-label")) ?? "").replace(/^Run /, "");

  await page.reload();
  const resumed = runCard(page, "survives a reload");
  await expect(resumed).toHaveAttribute("aria-label", `Run ${requestId}`);
  await expect(resumed).toHaveAttribute("data-status", "running");
  await expect(resumed).toHaveAttribute("data-status", "completed", { timeout: 20_000 });
  await expect(resumed.getByRole("list", { name: "Run logs" })).toContainText("Step 150/150");
  await expect.poll(() => loadedWidth(page, `Result 1 of run ${requestId}`)).toBeGreaterThan(0);
});
