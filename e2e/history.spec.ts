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

test("when the browser will not store data, the page says runs are not being kept, and why; runs still work", async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    };
  });
  await page.goto("/");
  const warning = page.getByRole("alert").filter({ hasText: "Runs are not being kept" });
  await expect(warning).toContainText("this browser does not let the page store data");
  await expect(page.getByText("Runs are kept here, in this browser.")).toHaveCount(0);
  await startRun(page, "kept on this page only");
  await expect(runCard(page, "kept on this page only")).toHaveAttribute("data-status", "completed");
});

test("reusing a run whose settings no longer fit restores the rest and names what was left out", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("Runs are kept here, in this browser.")).toBeVisible();
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open("fal-lora-playground", 1);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const transaction = opening.result.transaction("runs", "readwrite");
          transaction.objectStore("runs").put({
            id: "from-an-older-page",
            input: { model_name: "runwayml/stable-diffusion-v1-5", prompt: "made by an older page", num_images: 12 },
            status: "completed",
            logs: [],
            startedAt: Date.now(),
          });
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
  await page.reload();
  const entry = page.getByRole("list", { name: "History" }).getByRole("listitem").filter({ hasText: "made by an older page" });
  await entry.getByRole("button", { name: "Reuse settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "no longer fits the form" })).toContainText(
    "Number of images: Number of images must be at most 8.",
  );
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("made by an older page");
  await expect(page.getByLabel("Model", { exact: true })).toHaveValue("runwayml/stable-diffusion-v1-5");
});
