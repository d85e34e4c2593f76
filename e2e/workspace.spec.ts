import { expect, type Page, test, type TestInfo } from "@playwright/test";
import { seriousViolations } from "./fixtures/axe";
import { openSection } from "./fixtures/form";
import { fillRun, loadedWidth, runCard, runLogs } from "./fixtures/queue";

const DESKTOP = { width: 1440, height: 900 };
const SECTIONS = [
  "Model details",
  "Embedding",
  "ControlNets",
  "IP adapters",
  "IC-Light",
  "Sampling",
  "Tiling",
  "Output",
];

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

/** Runs one prompt with an init image of this size and waits until its result has loaded. */
async function showResult(page: Page, prompt: string, size = { width: 768, height: 512 }): Promise<void> {
  await fillRun(page, prompt, size);
  // A replaced init image keeps the old preview until its upload is done.
  await expect(page.getByRole("group", { name: "Init image drop zone" })).toContainText(
    `${size.width} × ${size.height}`,
  );
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(runCard(page, prompt)).toHaveAttribute("data-status", "completed");
  await expect.poll(() => loadedWidth(page, /^Result 1 of run/)).toBe(size.width);
}

/** Opens every group of the form and adds one item of each list. */
async function openEverything(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Add LoRA" }).click();
  for (const title of SECTIONS) await openSection(page, title);
  for (const add of ["Add embedding", "Add ControlNet", "Add IP adapter"])
    await page.getByRole("button", { name: add }).click();
}

test("on a desktop, the newest result is large and in view, with its status and actions just below", async ({
  page,
}, testInfo) => {
  await page.setViewportSize(DESKTOP);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your images appear here" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^SDXL refine/ })).toBeVisible();
  await attachScreenshot(page, testInfo, "desktop-first-visit");

  await showResult(page, "a wide harbour at noon");
  const result = page.getByRole("img", { name: /^Result 1 of run/ });
  await expect(result).toBeInViewport({ ratio: 1 });
  const resultBox = await result.boundingBox();
  expect(Math.max(resultBox?.width ?? 0, resultBox?.height ?? 0)).toBeGreaterThanOrEqual(480);

  const card = runCard(page, "a wide harbour at noon");
  const actions = page.getByRole("group", { name: "Result actions" });
  for (const below of [card, actions]) {
    await expect(below).toBeInViewport({ ratio: 1 });
    expect((await below.boundingBox())?.y).toBeGreaterThanOrEqual((resultBox?.y ?? 0) + (resultBox?.height ?? 0));
  }
  await expect(card.getByTestId("elapsed")).toBeVisible();
  await card.getByText(/^Logs \(\d+\)/).click();
  await expect(runLogs(card)).toBeVisible();
  await attachScreenshot(page, testInfo, "desktop-result");

  // A square result, with the strip of this session's runs taking its room below, is still large.
  await showResult(page, "a square courtyard", { width: 512, height: 512 });
  await expect(page.getByRole("list", { name: "This session's runs" })).toBeInViewport();
  const square = page.getByRole("img", { name: /^Result 1 of run/ });
  await expect(square).toBeInViewport({ ratio: 1 });
  expect((await square.boundingBox())?.height).toBeGreaterThanOrEqual(480);
  await expect(page.getByRole("group", { name: "Result actions" })).toBeInViewport({ ratio: 1 });
  await attachScreenshot(page, testInfo, "desktop-second-result");
});

test("on a desktop the two panes scroll on their own, and Run stays at the foot of the settings", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto("/");
  for (const title of SECTIONS) await openSection(page, title);
  const settings = page.getByRole("region", { name: "Settings" });
  const output = page.getByRole("region", { name: "Output" });
  const run = page.getByRole("button", { name: /^Run/ });
  const outputTop = (await output.boundingBox())?.y;
  await page.getByLabel("Prompt", { exact: true }).fill("run from the bottom of the settings");

  await settings.evaluate((pane) => pane.scrollTo({ top: pane.scrollHeight }));
  await expect.poll(() => settings.evaluate((pane) => pane.scrollTop)).toBeGreaterThan(500);
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
  expect((await output.boundingBox())?.y).toBe(outputTop);
  await expect(run).toBeInViewport({ ratio: 1 });

  await run.click();
  await expect(runCard(page, "run from the bottom of the settings")).toHaveAttribute("data-status", "completed");
  await expect(page.getByRole("img", { name: /^Result 1 of run/ })).toBeInViewport({ ratio: 1 });
  expect(await settings.evaluate((pane) => pane.scrollTop)).toBeGreaterThan(500);

  await page.getByRole("tab", { name: "History" }).click();
  await output.evaluate((pane) => pane.scrollTo({ top: 0 }));
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
  expect(await settings.evaluate((pane) => pane.scrollTop)).toBeGreaterThan(500);
});

test("at 320 px nothing is wider than the screen and no control is smaller than 24 × 24 px", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/");
  await showResult(page, "a small screen", { width: 96, height: 64 });
  await openEverything(page);
  const tools = {
    "Share link": page.getByRole("textbox", { name: "Share link" }),
    Presets: page.getByRole("heading", { name: "Built-in presets" }),
    Code: page.getByLabel("JavaScript code"),
  };
  for (const [tool, content] of Object.entries(tools)) {
    await page.getByRole("button", { name: tool, exact: true }).click();
    await expect(content).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), tool).toBeLessThanOrEqual(320);
  }
  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByRole("list", { name: "History" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  const small = await page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLElement>("button, input, select, textarea, summary, a[href], [tabindex='0']"),
    )
      .filter(
        (control) =>
          control.checkVisibility() && !control.closest(".sr-only") && !control.classList.contains("sr-only"),
      )
      .map((control) => ({ control, box: control.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(
        ({ control, box }) =>
          `${control.tagName} ${control.getAttribute("aria-label") ?? control.textContent?.trim().slice(0, 30)} ${Math.round(box.width)}×${Math.round(box.height)}`,
      ),
  );
  expect(small).toEqual([]);
  await attachScreenshot(page, testInfo, "320-everything-open");
});

test("the theme follows the system until one is picked, and the pick is kept across reloads", async ({
  page,
}, testInfo) => {
  await page.emulateMedia({ colorScheme: "dark" });
  // Records the theme when the document is parsed, before React runs: a pinned theme must be there already.
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      document.documentElement.dataset.themeAtParse = document.documentElement.dataset.theme ?? "system";
    });
  });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.goto("/");
  await expect(page.getByRole("button", { name: "System theme" })).toHaveAttribute("aria-pressed", "true");
  const dark = await background();

  await page.getByRole("button", { name: "Light theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  const light = await background();
  expect(light).not.toBe(dark);

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme-at-parse", "light");
  await expect(page.getByRole("button", { name: "Light theme" })).toHaveAttribute("aria-pressed", "true");
  expect(await background()).toBe(light);
  await attachScreenshot(page, testInfo, "light-pinned-on-a-dark-system");

  await page.getByRole("button", { name: "Dark theme" }).click();
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme-at-parse", "dark");
  expect(await background()).toBe(dark);

  await page.getByRole("button", { name: "System theme" }).click();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme-at-parse", "system");
  expect(await background()).toBe(light);
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no serious or critical violation in the ${theme} theme, everything open and a result shown`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(DESKTOP);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto("/");
    expect(await seriousViolations(page), "first visit").toEqual([]);

    await showResult(page, `an accessible ${theme} page`, { width: 96, height: 64 });
    await openEverything(page);
    await page.getByRole("button", { name: "Presets", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Built-in presets" })).toBeVisible();
    expect(await seriousViolations(page), "everything open, a result shown").toEqual([]);
    await attachScreenshot(page, testInfo, `axe-${theme}`);
  });
}

test("every control is reached with Tab, and focus is always visible", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto("/");
  await showResult(page, "reached by keyboard", { width: 96, height: 64 });
  const expected = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>("button, input, select, textarea, summary, a[href]"))
      .filter(
        (control) => !(control as HTMLButtonElement).disabled && control.checkVisibility({ visibilityProperty: true }),
      )
      // A tab list is one stop: its arrow keys move between tabs.
      .filter((control) => control.getAttribute("role") !== "tab" || control.getAttribute("aria-selected") === "true")
      .filter((control) => !control.closest("[hidden], details:not([open]) > :not(summary)"))
      .map((control, index) => {
        control.dataset.tabCheck = String(index);
        return `${index} ${control.tagName} ${control.getAttribute("aria-label") ?? control.textContent?.trim().slice(0, 30)}`;
      }),
  );
  const reached = new Set<string>();
  const invisible: string[] = [];
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  for (let step = 0; step < expected.length + 10; step += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      if (!active || active === document.body) return undefined;
      // A visually hidden file input shows its focus on the label around it.
      const shown = active.classList.contains("sr-only") ? (active.closest("label") ?? active) : active;
      const style = getComputedStyle(shown);
      const visible = (style.outlineStyle !== "none" && style.outlineWidth !== "0px") || style.boxShadow !== "none";
      return {
        id: active.dataset.tabCheck,
        visible,
        name: `${active.tagName} ${active.getAttribute("aria-label") ?? active.textContent?.trim().slice(0, 30)}`,
      };
    });
    if (!focused) continue;
    if (focused.id) reached.add(focused.id);
    if (!focused.visible) invisible.push(focused.name);
  }
  expect(expected.filter((control) => !reached.has(control.split(" ")[0] ?? ""))).toEqual([]);
  expect(invisible).toEqual([]);
});
