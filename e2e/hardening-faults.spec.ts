import { expect, test, type Page } from "@playwright/test";
import { formReady, runLogs } from "./fixtures/queue";

const FAULTS_HEADER = "x-fal-simulator-faults";

async function runWithFaults(page: Page, spec: string, prompt: string) {
  await page.setExtraHTTPHeaders({ [FAULTS_HEADER]: `${spec},id=${test.info().testId}-${test.info().retry}` });
  const submits: number[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith("/api/fal/proxy") && response.request().method() === "POST") {
      const target = response.request().headers()["x-fal-target-url"] ?? "";
      if (target.endsWith("/image-to-image")) submits.push(response.status());
    }
  });
  await page.goto("/");
  await formReady(page);
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  await page.getByRole("button", { name: /^Run/ }).click();
  return { run: page.getByRole("article").first(), submits };
}

test("latency: the run shows its states and completes", async ({ page }) => {
  const { run } = await runWithFaults(page, "latency=400,on=submit+status+stream+result", "slow network");
  await expect(run).toHaveAttribute("data-status", "submitting");
  await expect(run).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
});

test("5xx then recovery: the client retries the submit and the run completes", async ({ page }) => {
  const { run, submits } = await runWithFaults(page, "error=2,on=submit", "flaky upstream");
  await expect(run).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  expect(submits).toEqual([503, 503, 200]);
});

test("5xx that never ends: the run fails with a clear message and the form keeps its input", async ({ page }) => {
  const { run, submits } = await runWithFaults(page, "error=100%,on=submit", "upstream down");
  await expect(run).toHaveAttribute("data-status", "failed", { timeout: 30_000 });
  await expect(run.getByRole("alert")).toContainText("service is unavailable");
  expect(submits.length).toBeGreaterThanOrEqual(3);
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("upstream down");
});

test("a dropped status stream: the page falls back to polling and completes", async ({ page }) => {
  const { run } = await runWithFaults(page, "drop=1,on=stream", "dropped stream");
  await expect(run).toHaveAttribute("data-status", "completed", { timeout: 30_000 });
  await expect(page.getByRole("img", { name: /^Result 1 of run/ })).toBeVisible();
});

test("a failed run: the card says the runner crashed, earlier results stay", async ({ page }) => {
  await page.goto("/");
  await formReady(page);
  await page.getByLabel("Prompt", { exact: true }).fill("a good run first");
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(page.getByRole("article").first()).toHaveAttribute("data-status", "completed");

  await page.setExtraHTTPHeaders({ [FAULTS_HEADER]: `fail=1,id=${test.info().testId}-${test.info().retry}` });
  await page.getByLabel("Prompt", { exact: true }).fill("this one crashes");
  await page.getByRole("button", { name: /^Run/ }).click();
  const failed = page.getByRole("article").first();
  await expect(failed).toHaveAttribute("data-status", "failed");
  await expect(failed.getByRole("alert")).toContainText(/Internal error while generating the images|HTTP 500/);
  const earlier = page
    .getByRole("list", { name: "This session's runs" })
    .getByRole("button", { name: /a good run first/ });
  await expect(earlier).toHaveAttribute("data-status", "completed");
  await earlier.click();
  await expect(page.getByRole("img", { name: /^Result 1 of run/ })).toBeVisible();
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("this one crashes");
});

test("a stuck run stays visibly running with its log, and the page stays usable", async ({ page }) => {
  const { run } = await runWithFaults(page, "stuck=1", "never ends");
  await expect(run).toHaveAttribute("data-status", "running");
  await expect(runLogs(run)).toContainText("stuck");
  await expect(page.getByRole("button", { name: /^Run/ })).toBeEnabled();
});
