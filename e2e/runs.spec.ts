import { expect, test } from "@playwright/test";
import { seriousViolations } from "./fixtures/axe";
import { answerSubmits, extendSubmits, loadedWidth, runCard, runLogs, sessionRun, startRun } from "./fixtures/queue";

test("a run shows its live logs, then lands in the gallery with its inference time", async ({ page }) => {
  await page.goto("/");
  await startRun(page, "harbour at noon", { width: 128, height: 80 });
  const card = runCard(page, "harbour at noon");
  await expect(runLogs(card)).toContainText("Step");
  await expect(card).toHaveAttribute("data-status", "completed");
  await expect(card).toContainText(/\d+\.\d\d s inference/);
  await expect(card.getByTestId("elapsed")).toHaveText(/^\d+\.\d s$/);
  await expect(card.getByRole("button", { name: /^Cancel/ })).toHaveCount(0);
  await expect.poll(() => loadedWidth(page, /^Result 1 of run/)).toBe(128);
  await expect(page.getByRole("region", { name: "Output" })).toContainText("128 × 80");
});

test("the opened logs scroll, are reached by keyboard, and pass axe in light and dark", async ({ page }) => {
  await page.goto("/");
  await startRun(page, "harbour logs");
  const card = runCard(page, "harbour logs");
  await expect(card).toHaveAttribute("data-status", "completed");
  const summary = card.getByText(/^Logs \(\d+\)/);
  await summary.click();
  const logs = runLogs(card);
  await expect(logs).toBeVisible();
  expect(await logs.evaluate((list) => list.scrollHeight > list.clientHeight)).toBe(true);
  await summary.focus();
  await page.keyboard.press("Tab");
  await expect(logs).toBeFocused();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `logs open, ${colorScheme}`).toEqual([]);
  }
});

test("Cancel stops a long run and shows it as cancelled, not failed", async ({ page }) => {
  await extendSubmits(page, { num_inference_steps: 150 });
  await page.goto("/");
  await startRun(page, "a very long run");
  const card = runCard(page, "a very long run");
  await expect(card).toHaveAttribute("data-status", "running");
  await expect(runLogs(card)).toContainText("Step");
  const cancel = page.waitForRequest(
    (request) => request.method() === "PUT" && /\/cancel$/.test(request.headers()["x-fal-target-url"] ?? ""),
  );
  await card.getByRole("button", { name: /^Cancel/ }).click();
  await cancel;
  await expect(card).toHaveAttribute("data-status", "cancelled");
  await expect(card).toContainText("Cancelled");
  await expect(card.getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Results" })).toHaveCount(0);
});

test("Esc cancels the newest running run and leaves the older one alone", async ({ page }) => {
  await extendSubmits(page, { num_inference_steps: 150 });
  await page.goto("/");
  await startRun(page, "older long run");
  await startRun(page, "newer long run");
  await expect(runCard(page, "newer long run")).toHaveAttribute("data-status", "running");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Escape");
  await expect(runCard(page, "newer long run")).toHaveAttribute("data-status", "cancelled");
  await expect(sessionRun(page, "older long run")).toHaveAttribute("data-status", "completed", { timeout: 20_000 });
});

test("two parallel runs both land, and a third waits in the queue with its position", async ({ page }) => {
  await extendSubmits(page, { num_inference_steps: 100 });
  await page.goto("/");
  await startRun(page, "parallel one");
  await startRun(page, "parallel two");
  await startRun(page, "parallel three");
  await expect(runCard(page, "parallel three").getByTestId("queue-position")).toHaveText(/^Position \d+ in queue$/);
  await expect(sessionRun(page, "parallel one")).toHaveAttribute("data-status", "running");
  await expect(sessionRun(page, "parallel two")).toHaveAttribute("data-status", "running");
  for (const prompt of ["parallel one", "parallel two", "parallel three"]) {
    await expect(sessionRun(page, prompt)).toHaveAttribute("data-status", "completed", { timeout: 20_000 });
  }
  await sessionRun(page, "parallel one").click();
  await expect(runCard(page, "parallel one")).toHaveAttribute("data-status", "completed");
  await expect.poll(() => loadedWidth(page, /^Result 1 of run/)).toBeGreaterThan(0);
});

test("a refused input lands on the field it names and keeps what was typed", async ({ page }) => {
  await answerSubmits(page, 422, {
    detail: [{ loc: ["body", "prompt"], msg: "Prompt is too long for this model.", type: "value_error" }],
  });
  await page.goto("/");
  await startRun(page, "a prompt the server refuses");
  const prompt = page.getByLabel("Prompt", { exact: true });
  await expect(prompt).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#prompt-error")).toHaveText("Prompt is too long for this model.");
  await expect(prompt).toHaveValue("a prompt the server refuses");
  const card = runCard(page, "a prompt the server refuses");
  await expect(card).toHaveAttribute("data-status", "failed");
  await expect(card.getByRole("button", { name: /Retry/ })).toHaveCount(0);
});

test("an API error shows its message, and Retry sends the same input (seed included) again as a new run", async ({
  page,
}) => {
  await answerSubmits(page, 500, { detail: "The runner is out of memory." });
  await page.goto("/");
  const submits: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/fal/proxy")) submits.push(request.postData() ?? "");
  });
  await startRun(page, "retry me");
  const card = runCard(page, "retry me");
  await expect(card.getByRole("alert")).toContainText("The runner is out of memory.");
  await expect(card).toHaveAttribute("data-status", "failed");
  await card.getByRole("button", { name: "Retry as a new run" }).click();
  await expect(card).toHaveAttribute("data-status", "completed");
  expect(submits).toHaveLength(2);
  expect(submits[1]).toBe(submits[0]);
  await expect(page.getByRole("article")).toHaveCount(1);
});

test("when the status stream breaks, the run is followed by polling and still lands", async ({ page }) => {
  await page.route("**/api/fal/proxy", (route) =>
    /\/status\/stream/.test(route.request().headers()["x-fal-target-url"] ?? "") ? route.abort() : route.fallback(),
  );
  const polls: string[] = [];
  page.on("request", (request) => {
    const target = request.headers()["x-fal-target-url"] ?? "";
    if (/\/status\?/.test(target)) polls.push(target);
  });
  await page.goto("/");
  await startRun(page, "followed by polling");
  const card = runCard(page, "followed by polling");
  await expect(card).toHaveAttribute("data-status", "completed");
  await expect(runLogs(card)).toContainText("Step 30/30");
  expect(polls.length).toBeGreaterThan(0);
  await expect.poll(() => loadedWidth(page, /^Result 1 of run/)).toBeGreaterThan(0);
});

test("on a phone, Run brings the new run's status and then its result (at least 300 px wide) above the form", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const settings = page.getByRole("region", { name: "Settings" });
  const output = page.getByRole("region", { name: "Output" });
  expect((await settings.boundingBox())?.y).toBeLessThan((await output.boundingBox())?.y ?? 0);

  await startRun(page, "seen on a small screen", { width: 96, height: 64 });
  const card = runCard(page, "seen on a small screen");
  await expect(card).toBeInViewport();
  await expect(card).toHaveAttribute("data-status", "completed");
  const result = page.getByRole("img", { name: /^Result 1 of run/ });
  await expect(result).toBeInViewport({ ratio: 1 });
  await expect(card).toBeInViewport({ ratio: 1 });
  const [cardBox, resultBox] = [await card.boundingBox(), await result.boundingBox()];
  expect(resultBox?.width).toBeGreaterThanOrEqual(300);
  expect(cardBox?.y).toBeLessThan(resultBox?.y ?? 0);
  expect((await output.boundingBox())?.y).toBeLessThan((await settings.boundingBox())?.y ?? 0);
  await expect(page.getByRole("button", { name: /^Run/ })).toBeInViewport();
});
