import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { expect, type Page, type Response, test, type TestInfo } from "@playwright/test";
import { readChunks, readTextChunk } from "@/lib/png/png-chunks";
import { readSettingsFromPng } from "@/lib/share/png-settings";
import { readSweepFromPng } from "@/lib/sweeps/grid-png";
import { seriousViolations } from "./fixtures/axe";
import { extendSubmits, fillRun, formReady, runCard } from "./fixtures/queue";
import { handToPage } from "./fixtures/page-drop";
import { formState } from "./support/form-state";

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

function isSubmit(response: Response): boolean {
  const request = response.request();
  return (
    response.url().endsWith("/api/fal/proxy") &&
    request.method() === "POST" &&
    (request.headers()["x-fal-target-url"] ?? "").includes("queue.fal.run")
  );
}

/** Every submit the page makes from now on: its status, and the request id when the queue took it. */
function watchSubmits(page: Page): { status: number; requestId?: string }[] {
  const submits: { status: number; requestId?: string }[] = [];
  page.on("response", async (response) => {
    if (!isSubmit(response)) return;
    const entry: { status: number; requestId?: string } = { status: response.status() };
    submits.push(entry);
    if (response.ok()) entry.requestId = ((await response.json()) as { request_id: string }).request_id;
  });
  return submits;
}

async function submittedBody(page: Page, requestId: string): Promise<Record<string, unknown>> {
  const response = await page.request.get(`/api/simulator/test/requests/${requestId}/body`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** Opens the Sweep dialog and sets its axes; `down` undefined leaves one row. */
async function planSweep(
  page: Page,
  across: { setting: string; values: string },
  down?: { setting: string; values: string },
) {
  await page.getByRole("button", { name: "Sweep", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Sweep" });
  const [acrossSetting, downSetting] = [dialog.getByLabel("Setting").first(), dialog.getByLabel("Setting").last()];
  await acrossSetting.selectOption({ label: across.setting });
  await dialog.getByLabel("Values").first().fill(across.values);
  if (down) {
    await downSetting.selectOption({ label: down.setting });
    await dialog.getByLabel("Values").last().fill(down.values);
  }
  return dialog;
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

test("a 2 × 2 sweep makes four ordinary runs and one labelled grid PNG carrying the sweep; the form stays as it was", async ({
  page,
  browser,
}, testInfo) => {
  await page.setViewportSize(DESKTOP);
  await page.goto("/");
  await fillRun(page, "a sweep of lighthouses", { width: 96, height: 64 });
  const formBefore = await formState(page);
  const submits = watchSubmits(page);

  const dialog = await planSweep(
    page,
    { setting: "Guidance scale (CFG)", values: "5, 40" },
    { setting: "Inference steps", values: "10, 20" },
  );
  await expect(dialog.getByText("Guidance scale (CFG) must be at most 20.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Start" })).toBeDisabled();
  await dialog.getByLabel("Values").first().fill("5, 9");
  await expect(dialog.getByText("2 values: 5, 9")).toBeVisible();
  await expect(dialog.getByText("2 × 2 grid: Guidance scale (CFG) across, Inference steps down.")).toBeVisible();
  await expect(dialog.getByRole("status")).toHaveText("4 runs, all starting now.");
  expect(await seriousViolations(page), "sweep dialog, light").toEqual([]);
  await dialog.getByRole("button", { name: "Start 4 runs" }).click();

  await expect(page.getByRole("tab", { name: "Sweep" })).toHaveAttribute("aria-selected", "true");
  const sweep = page.getByRole("tabpanel", { name: "Sweep" });
  await expect(sweep.getByRole("status").first()).toHaveText("All 4 finished.");
  const grid = sweep.getByRole("table");
  await expect(grid.getByRole("columnheader", { name: "Guidance scale (CFG) →" })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: "Inference steps ↓" })).toBeVisible();
  await expect(grid.getByRole("rowheader")).toHaveText(["10", "20"]);
  await expect(grid.getByRole("button", { name: /^Show run: / })).toHaveCount(4);

  // Four submits, one per cell, all with the one seed drawn for the sweep; the form sent nothing else.
  await expect.poll(() => submits.filter((submit) => submit.requestId).length).toBe(4);
  expect(submits.map((submit) => submit.status)).toEqual([200, 200, 200, 200]);
  const bodies = await Promise.all(submits.map((submit) => submittedBody(page, submit.requestId ?? "")));
  expect(bodies.map((body) => [body.guidance_scale, body.num_inference_steps])).toEqual([
    [5, 10],
    [9, 10],
    [5, 20],
    [9, 20],
  ]);
  const seed = bodies[0]?.seed;
  expect(bodies.every((body) => body.seed === seed && body.prompt === "a sweep of lighthouses")).toBe(true);
  expect(await formState(page)).toEqual(formBefore);

  expect(await seriousViolations(page), "sweep grid, light").toEqual([]);
  await attachScreenshot(page, testInfo, "sweep-grid-desktop-light");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await seriousViolations(page), "sweep grid, dark").toEqual([]);
  await attachScreenshot(page, testInfo, "sweep-grid-desktop-dark");

  // One PNG: the cells at the results' size, labelled, with the sweep and its base settings inside.
  const downloading = page.waitForEvent("download");
  await sweep.getByRole("button", { name: "Download grid" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("sweep-a-sweep-of-lighthouses-2x2.png");
  const bytes = new Uint8Array(await readFile(await download.path()));
  const { format, width = 0, height = 0 } = await sharp(bytes).metadata();
  expect(format).toBe("png");
  expect(width).toBeGreaterThan(2 * 96);
  expect(height).toBeGreaterThan(2 * 64);
  const carried = readSweepFromPng(bytes);
  expect(carried?.axes).toEqual([
    { parameter: { field: "guidance_scale" }, values: [5, 9] },
    { parameter: { field: "num_inference_steps" }, values: [10, 20] },
  ]);
  expect(carried?.cells.map((cell) => cell.requestId)).toEqual(submits.map((submit) => submit.requestId));
  const parameters = readChunks(bytes)
    .map(readTextChunk)
    .find((chunk) => chunk?.keyword === "parameters")?.text;
  expect(parameters).toContain("Size: 96x64");
  const settings = readSettingsFromPng(bytes);
  expect("error" in settings ? settings : settings.values).toMatchObject({ prompt: "a sweep of lighthouses", seed });

  // A cell shows its run on the stage.
  await grid.getByRole("button", { name: "Show run: Guidance scale (CFG) 9 · Inference steps 20" }).click();
  await expect(page.getByRole("tab", { name: "Results" })).toHaveAttribute("aria-selected", "true");
  await expect(runCard(page, "a sweep of lighthouses")).toContainText(submits[3]?.requestId ?? "missing");
  await expect(page.getByRole("list", { name: "This session's runs" }).getByRole("button")).toHaveCount(4);

  // Dropped on a page, the grid offers the settings the sweep started from, its seed included.
  const fresh = await browser.newPage();
  await fresh.goto("/");
  await handToPage(fresh, "drop", bytes, download.suggestedFilename(), "image/png");
  await fresh
    .getByRole("dialog", { name: "Restore settings from this image?" })
    .getByRole("button", { name: "Restore" })
    .click();
  await expect(fresh.getByLabel("Prompt", { exact: true })).toHaveValue("a sweep of lighthouses");
  await expect(fresh.getByLabel("Seed", { exact: true })).toHaveValue(String(seed));
  await fresh.close();
});

test("on a phone, a sweep's grid fits the screen and reads well in both themes", async ({ page }, testInfo) => {
  await page.setViewportSize(PHONE);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  // Sweep checks the form as Run does: without a model, no dialog, and focus on the model (a blank prompt is fal's to take).
  const model = page.getByLabel("Model", { exact: true });
  await formReady(page);
  const modelName = await model.inputValue();
  await model.fill(" ");
  await page.getByRole("button", { name: "Sweep", exact: true }).click();
  await expect(model).toBeFocused();
  await expect(page.getByRole("dialog", { name: "Sweep" })).toBeHidden();
  await model.fill(modelName);
  await fillRun(page, "a phone sweep", { width: 96, height: 64 });
  const dialog = await planSweep(
    page,
    { setting: "Seed", values: "3 random" },
    { setting: "Noise strength", values: "0.3-0.7 step 0.4" },
  );
  await expect(dialog.getByRole("status")).toHaveText("6 runs, all starting now.");
  expect(await seriousViolations(page), "sweep dialog, dark phone").toEqual([]);
  await dialog.getByRole("button", { name: "Start 6 runs" }).click();

  const sweep = page.getByRole("tabpanel", { name: "Sweep" });
  await expect(sweep.getByRole("status").first()).toHaveText("All 6 finished.");
  await expect(sweep.getByRole("table")).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await seriousViolations(page), "sweep grid, dark phone").toEqual([]);
  await attachScreenshot(page, testInfo, "sweep-grid-phone-dark");
  await page.emulateMedia({ colorScheme: "light" });
  expect(await seriousViolations(page), "sweep grid, light phone").toEqual([]);
  await attachScreenshot(page, testInfo, "sweep-grid-phone-light");
});

test("Cancel sweep cancels its runs still queued or running, and the grid says how each ended", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  // 150 steps run for about 3 s; the simulator works on two at a time, so two wait in its queue.
  await extendSubmits(page, { num_inference_steps: 150 });
  await page.goto("/");
  await fillRun(page, "a sweep to cancel");
  const dialog = await planSweep(page, { setting: "Guidance scale (CFG)", values: "3, 5, 7, 9" });
  await dialog.getByRole("button", { name: "Start 4 runs" }).click();
  const sweep = page.getByRole("tabpanel", { name: "Sweep" });
  await expect(sweep.getByRole("button", { name: /^Show run: / })).toHaveCount(4);
  await sweep.getByRole("button", { name: "Cancel sweep" }).click();
  await expect(sweep.getByRole("status").first()).toHaveText(/^Cancelled: 4 of 4 finished/);
  await expect(sweep.getByRole("button", { name: "Cancel sweep" })).toBeHidden();
  const states = await sweep
    .locator("[data-cell-state]")
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-cell-state")));
  expect(states).toHaveLength(4);
  expect(states.filter((state) => state === "cancelled").length).toBeGreaterThanOrEqual(2);
  expect(states.every((state) => state === "cancelled" || state === "completed")).toBe(true);
});
