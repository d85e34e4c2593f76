import { expect, type Page, test, type TestInfo } from "@playwright/test";
import { seriousViolations } from "./fixtures/axe";
import { field } from "./fixtures/form";
import { fillRun, runCard, sessionRun } from "./fixtures/queue";

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function runToEnd(page: Page, prompt: string): Promise<void> {
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(runCard(page, prompt)).toHaveAttribute("data-status", "completed");
  await expect(page.getByRole("img", { name: /^Result 1 of run/ })).toBeVisible();
}

/** The rows of the differences table: setting, A, B. */
function differences(page: Page): Promise<string[][]> {
  return page
    .getByRole("table", { name: "Settings that differ between A and B" })
    .getByRole("row")
    .evaluateAll((rows) =>
      rows.slice(1).map((row) => Array.from(row.children, (cell) => (cell.textContent ?? "").trim())),
    );
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

test("Compare on a result and on a history entry shows both, by slider or side by side, with the settings that differ", async ({
  page,
}, testInfo) => {
  await page.setViewportSize(DESKTOP);
  await page.goto("/");
  await fillRun(page, "a harbour at dawn", { width: 96, height: 64 });
  await runToEnd(page, "a harbour at dawn");
  await field(page, "Guidance scale (CFG)").fill("12");
  await field(page, "Negative prompt").fill("blurry, a long negative prompt that has to wrap inside its narrow column");
  await runToEnd(page, "a harbour at dawn");

  // The newest result is A; the tray says so and asks for B.
  const compareButton = page.getByRole("group", { name: "Result actions" }).getByRole("button", { name: "Compare" });
  await compareButton.click();
  await expect(compareButton).toHaveAttribute("aria-pressed", "true");
  const tray = page.getByRole("region", { name: "Compare" });
  await expect(tray).toContainText("A: a harbour at dawn");
  await expect(tray).toContainText("B: Compare another result");
  await expect(tray.getByRole("button", { name: "Compare A and B" })).toBeDisabled();

  // B from History: the comparison opens.
  await page.getByRole("tab", { name: "History" }).click();
  await page
    .getByRole("list", { name: "History" })
    .getByRole("listitem")
    .last()
    .getByRole("button", { name: "Compare" })
    .click();
  const dialog = page.getByRole("dialog", { name: "Compare A and B" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { name: "3 settings differ" })).toBeVisible();
  const rows = await differences(page);
  // In the form's order and words.
  expect(rows.map(([setting]) => setting)).toEqual(["Negative prompt", "Seed", "Guidance scale (CFG)"]);
  expect(rows[0]).toEqual([
    "Negative prompt",
    "blurry, a long negative prompt that has to wrap inside its narrow column",
    "—",
  ]);
  expect(rows[2]).toEqual(["Guidance scale (CFG)", "12", "7.5"]);

  // Same size, so the slider comes first; the keyboard moves it and switches the view.
  const slider = dialog.getByRole("slider", { name: "A / B" });
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await expect(slider).toHaveValue("51");
  await dialog.getByRole("radio", { name: "Slider" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(dialog.getByRole("radio", { name: "Side by side" })).toBeChecked();
  await expect(dialog.getByRole("img", { name: "A: a harbour at dawn" })).toBeVisible();
  await expect(dialog.getByRole("img", { name: "B: a harbour at dawn" })).toBeVisible();

  expect(await seriousViolations(page), "compare, light").toEqual([]);
  await attachScreenshot(page, testInfo, "compare-desktop-light");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await seriousViolations(page), "compare, dark").toEqual([]);
  await attachScreenshot(page, testInfo, "compare-desktop-dark");

  await dialog.getByRole("button", { name: "Swap A and B" }).click();
  expect((await differences(page))[2]).toEqual(["Guidance scale (CFG)", "7.5", "12"]);

  // Esc closes it and keeps the picks; the tray opens it again, and Clear forgets them.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await tray.getByRole("button", { name: "Compare A and B" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await tray.getByRole("button", { name: "Clear" }).click();
  await expect(tray).toBeHidden();
});

test("on a phone the comparison stacks side by side and fits the screen, in both themes", async ({
  page,
}, testInfo) => {
  await page.setViewportSize(PHONE);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await fillRun(page, "a pier at night", { width: 96, height: 64 });
  await runToEnd(page, "a pier at night");
  await runToEnd(page, "a pier at night");

  const compareButton = page.getByRole("group", { name: "Result actions" }).getByRole("button", { name: "Compare" });
  await compareButton.click();
  // Pressed again, the pick is undone; pressed once more, it is A again.
  await compareButton.click();
  await expect(page.getByRole("region", { name: "Compare" })).toBeHidden();
  await compareButton.click();
  await sessionRun(page, "a pier at night").last().click();
  await compareButton.click();

  const dialog = page.getByRole("dialog", { name: "Compare A and B" });
  await expect(dialog.getByRole("heading", { name: "1 setting differs" })).toBeVisible();
  await dialog.getByText("Side by side").click();
  const [a, b] = [dialog.getByRole("img", { name: /^A: / }), dialog.getByRole("img", { name: /^B: / })];
  await expect(b).toBeVisible();
  const [boxA, boxB] = [await a.boundingBox(), await b.boundingBox()];
  expect(boxB?.y ?? 0).toBeGreaterThanOrEqual((boxA?.y ?? 0) + (boxA?.height ?? 0));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await seriousViolations(page), "compare, dark phone").toEqual([]);
  await attachScreenshot(page, testInfo, "compare-phone-dark");
  await page.emulateMedia({ colorScheme: "light" });
  expect(await seriousViolations(page), "compare, light phone").toEqual([]);
  await attachScreenshot(page, testInfo, "compare-phone-light");
});
