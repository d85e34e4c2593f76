import { expect, type Page, test } from "@playwright/test";
import { extendSubmits, loadedWidth, runCard, runLogs, startRun } from "./fixtures/queue";

/** Thumbnails kept in the page's IndexedDB; 0 before the page made its database. */
function thumbnailCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const name = "fal-lora-playground-thumbnails";
    // Opening a database that does not exist yet would create it empty, so look before opening.
    if (!(await indexedDB.databases()).some((database) => database.name === name)) return 0;
    return new Promise<number>((resolve, reject) => {
      const opening = indexedDB.open(name);
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const database = opening.result;
        const counting = database.transaction("thumbnails").objectStore("thumbnails").count();
        counting.onsuccess = () => {
          database.close();
          resolve(counting.result);
        };
        counting.onerror = () => reject(counting.error);
      };
    });
  });
}

test("history survives a reload, and runs can be deleted one by one or all at once", async ({ page }) => {
  await page.goto("/");
  await startRun(page, "kept after reload", { width: 80, height: 80 });
  await expect(runCard(page, "kept after reload")).toHaveAttribute("data-status", "completed");
  await startRun(page, "also kept");
  await expect(runCard(page, "also kept")).toHaveAttribute("data-status", "completed");

  await page.reload();
  await expect(page.getByRole("article")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Output" })).toContainText("Your 2 earlier runs are kept in History");
  await page.getByRole("tab", { name: "History" }).click();
  const history = page.getByRole("list", { name: "History" });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByRole("listitem").first()).toContainText("also kept");
  await expect(history.getByRole("listitem").first()).toContainText("Completed");
  await expect(history.getByRole("listitem").first()).toContainText("stabilityai/stable-diffusion-xl-base-1.0");

  await history.getByRole("listitem").nth(1).getByRole("button", { name: "Reuse settings" }).click();
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("kept after reload");

  await history.getByRole("listitem").nth(1).getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("tab", { name: "Results" })).toHaveAttribute("aria-selected", "true");
  await expect(runCard(page, "kept after reload")).toHaveAttribute("data-status", "completed");
  await expect.poll(() => loadedWidth(page, /^Result 1 of run/)).toBe(80);

  await page.getByRole("tab", { name: "History" }).click();
  await history.getByRole("listitem").filter({ hasText: "also kept" }).getByRole("button", { name: "Delete" }).click();
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await page.reload();
  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByRole("list", { name: "History" }).getByRole("listitem")).toHaveCount(1);

  await page.getByRole("button", { name: "Clear history" }).click();
  await page.getByRole("button", { name: "Delete all" }).click();
  await expect(page.getByRole("list", { name: "History" })).toHaveCount(0);
  await page.reload();
  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByText("Runs are kept here, in this browser.")).toBeVisible();
});

test("history finds runs by words of their prompt or model", async ({ page }) => {
  await page.goto("/");
  await startRun(page, "a red fox in the snow");
  await expect(runCard(page, "a red fox in the snow")).toHaveAttribute("data-status", "completed");
  await page.getByLabel("Model", { exact: true }).fill("runwayml/stable-diffusion-v1-5");
  await startRun(page, "a castle on a hill");
  await expect(runCard(page, "a castle on a hill")).toHaveAttribute("data-status", "completed");

  await page.getByRole("tab", { name: "History" }).click();
  const items = page.getByRole("list", { name: "History" }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  const search = page.getByLabel("Search history");
  await search.fill("FOX snow");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("a red fox in the snow");
  await search.fill("v1-5");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("a castle on a hill");
  await expect(page.getByText("1 of 2 runs")).toBeVisible();
  await search.fill("unicorn");
  await expect(items).toHaveCount(0);
  await expect(page.getByText("No run's prompt or model contains “unicorn”.")).toBeVisible();
});

test("history keeps a thumbnail of each result and says when the full image is gone", async ({ page }) => {
  await page.goto("/");
  await startRun(page, "a result that will expire", { width: 96, height: 64 });
  await expect(runCard(page, "a result that will expire")).toHaveAttribute("data-status", "completed");
  await expect.poll(() => thumbnailCount(page)).toBe(1);

  // The simulator forgets files after SIMULATOR_TTL_SECONDS; here its file server answers 404 at once.
  await page.route("**/api/simulator/files/**", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.reload();
  await page.getByRole("tab", { name: "History" }).click();
  const item = page.getByRole("list", { name: "History" }).getByRole("listitem").first();
  // Decorative (alt=""), so found by tag: the item's text already names the run.
  const thumbnail = item.locator("img");
  await expect(thumbnail).toHaveAttribute("src", /^blob:/);
  await expect
    .poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth))
    .toBeGreaterThan(0);

  await item.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("note")).toContainText("The full image is gone from the server");
  const result = page.getByRole("img", { name: /^Result 1 of run/ });
  await expect(result).toHaveAttribute("data-fallback", "thumbnail");
  await expect.poll(() => loadedWidth(page, /^Result 1 of run/)).toBeGreaterThan(0);
  await page.getByRole("tab", { name: "History" }).click();
  await expect(item).toContainText("Full image expired");
});

test("a reload in the middle of a run resumes it by request id and it completes", async ({ page }) => {
  await extendSubmits(page, { num_inference_steps: 150 });
  await page.goto("/");
  await startRun(page, "survives a reload");
  const card = runCard(page, "survives a reload");
  await expect(runLogs(card)).toContainText("Step");
  const requestId = ((await card.getAttribute("aria-label")) ?? "").replace(/^Run /, "");

  await page.reload();
  const resumed = runCard(page, "survives a reload");
  await expect(resumed).toHaveAttribute("aria-label", `Run ${requestId}`);
  await expect(resumed).toHaveAttribute("data-status", "running");
  await expect(resumed).toHaveAttribute("data-status", "completed", { timeout: 20_000 });
  await expect(runLogs(resumed)).toContainText("Step 150/150");
  await expect.poll(() => loadedWidth(page, `Result 1 of run ${requestId}`)).toBeGreaterThan(0);
});

test("when the browser will not store data, the page says runs are not being kept, and why; runs still work", async ({
  page,
}) => {
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
  await page.getByRole("tab", { name: "History" }).click();
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
  await page.getByRole("tab", { name: "History" }).click();
  const entry = page
    .getByRole("list", { name: "History" })
    .getByRole("listitem")
    .filter({ hasText: "made by an older page" });
  await entry.getByRole("button", { name: "Reuse settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "no longer fits the form" })).toContainText(
    "Number of images: Number of images must be at most 8.",
  );
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("made by an older page");
  await expect(page.getByLabel("Model", { exact: true })).toHaveValue("runwayml/stable-diffusion-v1-5");
});

test("a long history renders only the rows in view, and scrolling, search and Tab reach every run", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByText("Runs are kept here, in this browser.")).toBeVisible();
  const count = 300;
  await page.evaluate(
    (runs) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open("fal-lora-playground", 1);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const transaction = opening.result.transaction("runs", "readwrite");
          for (let index = 0; index < runs; index++) {
            transaction.objectStore("runs").put({
              id: `long-${index}`,
              input: { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: `long history run ${index}` },
              status: "cancelled",
              logs: [],
              startedAt: Date.now() - (runs - index) * 60_000,
            });
          }
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    count,
  );
  await page.reload();
  await page.getByRole("tab", { name: "History" }).click();
  const history = page.getByRole("list", { name: "History" });
  const items = history.getByRole("listitem");
  await expect(page.getByText(`${count} runs`, { exact: true })).toBeVisible();
  await expect(items.first()).toContainText("long history run 299");
  await expect(items.first()).toHaveAttribute("aria-setsize", String(count));
  expect(await items.count()).toBeLessThan(40);

  // The output pane scrolls on its own at this width; its end shows the oldest run.
  await page.locator("#output").evaluate((pane) => pane.scrollTo({ top: pane.scrollHeight }));
  await expect(history.getByText("long history run 0", { exact: true })).toBeInViewport();
  expect(await items.count()).toBeLessThan(40);

  await page.getByLabel("Search history").fill("run 12");
  await expect(page.getByText(`13 of ${count} runs`)).toBeVisible();
  await expect(items).toHaveCount(13);
  await page.getByLabel("Search history").fill("");

  // Tab walks row by row past the rows first rendered; the focused row's position says how far.
  await page.locator("#output").evaluate((pane) => pane.scrollTo({ top: 0 }));
  // Every row has the same buttons (Show, Reuse settings, Share, Delete …): counted from the first, not assumed.
  const stopsPerRow = await items.first().getByRole("button").count();
  await items.first().getByRole("button", { name: "Show" }).focus();
  for (let press = 0; press < stopsPerRow * 40; press++) await page.keyboard.press("Tab");
  const focusedRow = page.locator("li:has(:focus)");
  await expect(focusedRow).toHaveAttribute("aria-posinset", "41");
  await expect(focusedRow).toBeInViewport();
});
