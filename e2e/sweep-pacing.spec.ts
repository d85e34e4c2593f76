import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startServer, stopServer } from "../test/next-server";
import { fillRun, runCard } from "./fixtures/queue";

/**
 * A server of its own with a tiny limit, so a sweep has to be paced. Its limits count in windows of
 * WINDOW_SECONDS instead of a minute (a test-only setting), so the paced grid takes seconds.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 80;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const LIMIT = 3;
const WINDOW_SECONDS = 20;

let server: ChildProcess | undefined;

test.beforeAll(async () => {
  server = await startServer(PORT, {
    RATE_LIMIT_SUBMITS_PER_MINUTE: String(LIMIT),
    RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
    PLAYGROUND_TEST_HOOKS: "1",
    SIMULATOR_STEP_MS: "20",
  });
});

test.afterAll(() => {
  if (server) stopServer(server);
});

test("under a limit of 3 runs a minute, a 2 × 2 sweep after one Run waits for the window and completes without a 429", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const submits: number[] = [];
  page.on("response", (response) => {
    const request = response.request();
    if (
      response.url().endsWith("/api/fal/proxy") &&
      request.method() === "POST" &&
      (request.headers()["x-fal-target-url"] ?? "").includes("queue.fal.run")
    ) {
      submits.push(response.status());
    }
  });
  await page.goto(ORIGIN);
  await fillRun(page, "a paced sweep");
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(runCard(page, "a paced sweep")).toHaveAttribute("data-status", "completed");

  await page.getByRole("button", { name: "Sweep", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Sweep" });
  await dialog.getByLabel("Values").first().fill("5, 9");
  await dialog.getByLabel("Setting").last().selectOption({ label: "Inference steps" });
  await dialog.getByLabel("Values").last().fill("10, 20");
  // The Run made a moment ago counts: two of the three fit now.
  await expect(dialog.getByRole("status")).toHaveText("4 runs: 2 start now, the rest within a minute.");
  await expect(dialog.getByText("The server takes 3 runs a minute from this page.")).toBeVisible();
  await dialog.getByRole("button", { name: "Start 4 runs" }).click();

  const sweep = page.getByRole("tabpanel", { name: "Sweep" });
  await expect(sweep.getByRole("status").first()).toContainText(
    /2 waiting for the server's per-minute limit \(the next starts in \d+ s\)/,
  );
  await expect(sweep.getByText(/^Starts in \d+ s$/)).toBeVisible();
  expect(submits).toEqual([200, 200, 200]);

  await expect(sweep.getByRole("status").first()).toHaveText("All 4 finished.", { timeout: 3 * WINDOW_SECONDS * 1000 });
  await expect(sweep.getByRole("button", { name: /^Show run: / })).toHaveCount(4);
  expect(submits).toEqual([200, 200, 200, 200, 200]);
  await expect(sweep.locator("[data-cell-state]")).toHaveCount(4);
  expect(
    await sweep
      .locator("[data-cell-state]")
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-cell-state"))),
  ).toEqual(["completed", "completed", "completed", "completed"]);
});
