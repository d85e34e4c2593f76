import { expect, type Page, type Request, test } from "@playwright/test";
import { extendSubmits, loadedWidth, runCard, startRun } from "./fixtures/queue";

const FAULTS_HEADER = "x-fal-simulator-faults";
const target = (request: Request) => request.headers()["x-fal-target-url"] ?? "";
const isSubmit = (request: Request) => request.method() === "POST" && target(request).endsWith("/image-to-image");
const isFollow = (request: Request) => /\/requests\/[^/]+\/status(\/stream)?\?/.test(target(request));

/** Plays the simulator's faults (lib/simulator/faults.ts) on this test's requests only. */
async function withFaults(page: Page, spec: string): Promise<void> {
  // The id makes the counts ("the first N") this test's own, also against a server that is reused.
  await page.setExtraHTTPHeaders({
    [FAULTS_HEADER]: `${spec},id=${test.info().testId}-${test.info().retry}-${Date.now()}`,
  });
}

function countSubmits(page: Page): () => number {
  let submits = 0;
  page.on("request", (request) => {
    if (isSubmit(request)) submits++;
  });
  return () => submits;
}

test("a running run that ignores Cancel: the card says so, then shows its images, finished despite the cancel", async ({
  page,
}) => {
  await withFaults(page, "ignorecancel=1");
  // Long enough that Cancel reaches a run still running on a loaded machine (60 steps once finished first: a 400).
  await extendSubmits(page, { num_inference_steps: 150 });
  await page.goto("/");
  await startRun(page, "carries on after cancel");
  const card = runCard(page, "carries on after cancel");
  await expect(card).toHaveAttribute("data-status", "running");
  const cancelled = page.waitForResponse((response) => response.request().method() === "PUT");
  await card.getByRole("button", { name: /^Cancel/ }).click();
  expect((await cancelled).status()).toBe(202);
  await expect(card.getByRole("status").filter({ hasText: "Cancel requested" })).toBeVisible();
  await expect(card.getByRole("button", { name: /^Cancel requested/ })).toBeDisabled();
  await expect(card).toHaveAttribute("data-status", "completed");
  await expect(card).toContainText("Finished despite the cancel");
  await expect.poll(() => loadedWidth(page, /^Result 1 of run/)).toBeGreaterThan(0);
});

for (const code of [429, 500, 502, 504]) {
  test(`status answers ${code} (HTML from a gateway for 502/504): the run is followed through them, submitted once`, async ({
    page,
  }) => {
    await withFaults(page, `error=2,code=${code},on=status+stream`);
    const submits = countSubmits(page);
    const faulty: number[] = [];
    page.on("response", (response) => {
      if (isFollow(response.request()) && response.status() === code) faulty.push(code);
    });
    await page.goto("/");
    await startRun(page, `rides out ${code}`);
    const card = runCard(page, `rides out ${code}`);
    await expect(card).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
    await expect(card.getByRole("alert")).toHaveCount(0);
    expect(faulty.length).toBeGreaterThanOrEqual(2);
    expect(submits()).toBe(1);
  });
}

test("fal puts a running run back in its queue (a runner retry): the card follows it to its images", async ({
  page,
}) => {
  await withFaults(page, "requeue=1");
  await extendSubmits(page, { num_inference_steps: 40 });
  await page.goto("/");
  await startRun(page, "retried by fal");
  const card = runCard(page, "retried by fal");
  await expect(card).toHaveAttribute("data-status", "running");
  await expect(card).toHaveAttribute("data-status", "queued");
  await expect(card.getByTestId("queue-position")).toHaveText("Position 1 in queue");
  await expect(card).toHaveAttribute("data-status", "completed");
  await expect(card).toContainText("fal restarted this run on another runner.");
  await expect(card.getByRole("alert")).toHaveCount(0);
});

test("a longer outage: the card reconnects, then offers Check again, which asks fal about the same run", async ({
  page,
}) => {
  await page.clock.install();
  await extendSubmits(page, { num_inference_steps: 40 });
  const submits = countSubmits(page);
  let offline = true;
  await page.route("**/api/fal/proxy", (route) =>
    offline && isFollow(route.request()) ? route.abort("internetdisconnected") : route.fallback(),
  );
  await page.goto("/");
  await startRun(page, "through an outage");
  const card = runCard(page, "through an outage");
  await expect(card.getByRole("status").filter({ hasText: "Reconnecting…" })).toBeVisible();
  await expect(card).toHaveAttribute("data-status", "queued");

  // Each try waits at most 30 s (of the page's clock): skip through them until the card gives up.
  const checkAgain = card.getByRole("button", { name: /^Check again/ });
  for (let tries = 0; tries < 60 && !(await checkAgain.isVisible()); tries++) {
    await page.clock.runFor(30_000);
    await expect(card.getByText(/^Reconnecting… try \d+:/).or(checkAgain)).toBeVisible();
  }
  await expect(card).toContainText("Lost touch with fal");
  await expect(card.getByRole("alert")).toHaveCount(0);
  await expect(card.getByRole("button", { name: /Retry/ })).toHaveCount(0);

  offline = false;
  await checkAgain.click();
  await expect(card).toHaveAttribute("data-status", "completed");
  expect(submits()).toBe(1);
});

test("a stream that dies silently (a laptop asleep): the page gives it up for polling and the run lands", async ({
  page,
}) => {
  await page.clock.install();
  const submits = countSubmits(page);
  // A stream request that is never answered, as a connection dropped without a word looks.
  await page.route("**/api/fal/proxy", (route) =>
    /\/status\/stream\?/.test(target(route.request())) ? undefined : route.fallback(),
  );
  await page.goto("/");
  await startRun(page, "woken from sleep");
  const card = runCard(page, "woken from sleep");
  await expect(card).toHaveAttribute("data-status", "queued");
  await page.clock.runFor(60_000);
  await expect(card).toHaveAttribute("data-status", "completed");
  expect(submits()).toBe(1);
});
