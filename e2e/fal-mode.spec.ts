import type { ChildProcess } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { startServer, stopServer } from "../test/next-server";
import { startFalStandIn } from "./fixtures/fal-stand-in";
import { field, openSection } from "./fixtures/form";
import { makePng } from "./fixtures/images";
import { runCard } from "./fixtures/queue";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 90;
const STAND_IN_PORT = PORT + 1;
const origin = `http://127.0.0.1:${PORT}`;
const SUBMIT = "/queue/fal-ai/lora/image-to-image";
const INITIATE = "/rest/storage/upload/initiate";
const ONE_DAY = '{"expiration_duration_seconds":86400}';

let server: ChildProcess | undefined;
let standIn: Awaited<ReturnType<typeof startFalStandIn>>;

/*
 * A fal-mode server whose fal is a stand-in on loopback that answers in fal's error shapes and
 * records the headers it gets. The operator fixed one request option (history off) for everyone.
 */
test.beforeAll(async () => {
  standIn = await startFalStandIn(STAND_IN_PORT);
  server = await startServer(PORT, {
    FAL_MODE: "fal",
    FAL_KEY: "stand-in-id:stand-in-secret-0123456789",
    PLAYGROUND_TEST_HOOKS: "1",
    FAL_UPSTREAM_ORIGIN: standIn.origin,
    FAL_STORE_IO: "0",
    RATE_LIMIT_SUBMITS_PER_MINUTE: "1000",
  });
});

test.afterAll(async () => {
  if (server) stopServer(server);
  await standIn?.close();
});

async function run(page: Page, prompt: string) {
  await field(page, "Prompt").fill(prompt);
  await page.getByRole("button", { name: /^Run/ }).click();
  const card = runCard(page, prompt);
  await expect(card).toHaveAttribute("data-status", /completed|failed/);
  return card;
}

const RETRY = { name: /^Retry as a new run/ };
const NOT_BILLED = "fal does not bill failed runs";

test("fal's request options: chosen in the Request group, kept in this browser, sent as fal's headers and no others", async ({
  page,
}) => {
  await page.goto(`${origin}/`);
  await openSection(page, "Request");
  const history = page.getByLabel("Keep my inputs and outputs off fal's request history");
  await expect(history).toBeChecked();
  await expect(history).toBeDisabled();
  await expect(history).toHaveAccessibleDescription("Fixed by this server for every visitor.");
  await page.getByLabel("Start timeout").fill("1");
  await expect(page.getByLabel("Start timeout")).toHaveAccessibleDescription(/must be more than 1 second/);
  await page.getByLabel("Start timeout").fill("30");
  await page.getByLabel("Queue priority").selectOption("low");
  await page.getByLabel("Keep files for").selectOption("1d");

  await page.reload();
  await openSection(page, "Request");
  await expect(page.getByLabel("Start timeout")).toHaveValue("30");
  await expect(page.getByLabel("Queue priority")).toHaveValue("low");
  await expect(page.getByLabel("Keep files for")).toHaveValue("1d");

  await field(page, "Init image").setInputFiles({
    name: "init.png",
    mimeType: "image/png",
    buffer: await makePng(48, 32),
  });
  await expect(page.getByRole("img", { name: "Init image preview" })).toBeVisible();
  expect(standIn.calls(INITIATE).at(-1)?.headers["x-fal-object-lifecycle"]).toBe(ONE_DAY);

  // A visitor's own x-fal-* headers never reach fal.
  await page.route("**/api/fal/proxy", (route) =>
    route.fallback({
      headers: { ...route.request().headers(), "x-fal-runner-hint": "runner-7", "x-fal-no-retry": "1" },
    }),
  );
  const submitted = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().endsWith("/api/fal/proxy"),
  );
  const card = await run(page, "a lighthouse with options");
  await expect(card).toHaveAttribute("data-status", "completed");
  expect((await submitted).headers()["set-cookie"]).toBeUndefined();

  const submit = standIn.calls(SUBMIT).at(-1);
  const falHeaders = Object.fromEntries(
    Object.entries(submit?.headers ?? {}).filter(
      ([name]) => name.startsWith("x-fal-") && name !== "x-fal-target-url" && name !== "x-fal-client-proxy",
    ),
  );
  expect(falHeaders).toEqual({
    "x-fal-request-timeout": "30",
    "x-fal-queue-priority": "low",
    "x-fal-store-io": "0",
    "x-fal-object-lifecycle-preference": ONE_DAY,
  });
  expect(submit?.headers["user-agent"]).toContain("Chrome");
  expect(JSON.parse(submit?.body ?? "{}")).not.toHaveProperty("startTimeoutSeconds");
});

test("fal's model errors in words, on their field, with Retry only where fal says it may help", async ({ page }) => {
  await page.goto(`${origin}/`);

  const flagged = await run(page, "error:content_policy_violation");
  await expect(flagged).toHaveAttribute("data-status", "failed");
  await expect(flagged.getByRole("alert")).toContainText("Prompt: fal's content checker flagged this input.");
  await expect(flagged).toContainText(NOT_BILLED);
  await expect(flagged.getByRole("button", RETRY)).toHaveCount(0);
  await expect(field(page, "Prompt")).toHaveAccessibleDescription(/fal's content checker flagged this input/);

  await page.getByLabel("Init image URL", { exact: true }).fill("https://example.com/gone.png");
  await page.getByRole("button", { name: "Use URL for Init image" }).click();
  const download = await run(page, "error:file_download_error");
  await expect(download.getByRole("alert")).toContainText("Init image: fal could not download this image.");
  await expect(field(page, "Init image")).toHaveAccessibleDescription(/fal could not download this image/);
  // Found by the address in `ctx.url`: its `loc` names only the body.
  const unreadable = await run(page, "error:image_load_error");
  await expect(unreadable.getByRole("alert")).toContainText("Init image: fal could not read this image.");
  await expect(field(page, "Init image")).toHaveAccessibleDescription(/fal could not read this image/);
  await page.getByRole("button", { name: "Remove init image" }).click();

  const range = await run(page, "error:less_than_equal");
  await expect(range.getByRole("alert")).toContainText(
    "Number of images: This value is too large for fal. Lower it. (fal: Input should be ≤ 8)",
  );
  await expect(range.getByRole("button", RETRY)).toHaveCount(0);

  const slow = await run(page, "error:generation_timeout");
  await expect(slow.getByRole("alert")).toContainText("Making the images took longer than fal allows.");
  await expect(slow.getByRole("button", RETRY)).toBeVisible();

  // A 500 would be retried, but fal says (X-Fal-Retryable: false) that it would fail again.
  const broken = await run(page, "error:internal_server_error");
  await expect(broken.getByRole("alert")).toContainText("The model failed on fal.");
  await expect(broken).toContainText(NOT_BILLED);
  await expect(broken.getByRole("button", RETRY)).toHaveCount(0);
});

test("fal's request errors in words, on status, result and submit, with Retry by fal's rules", async ({ page }) => {
  await page.goto(`${origin}/`);

  const cold = await run(page, "error:startup_timeout");
  await expect(cold.getByRole("alert")).toContainText(
    "No runner of this model started in time on fal (a cold start that took too long). Retry in a moment.",
  );
  await expect(cold).toContainText(NOT_BILLED);
  await cold.getByRole("button", RETRY).click();
  await expect
    .poll(() => standIn.calls(SUBMIT).filter((call) => call.body.includes("error:startup_timeout")).length)
    .toBe(2);
  await expect(cold).toHaveAttribute("data-status", "failed");

  const mine = await run(page, "timeout:user");
  await expect(mine.getByRole("alert")).toContainText(
    "No runner started within the start timeout set for this run, so fal gave up on it.",
  );
  await expect(mine.getByRole("button", RETRY)).toBeVisible();

  // A 5xx without X-Fal-Retryable is offered Retry.
  const dropped = await run(page, "error:runner_disconnected");
  await expect(dropped.getByRole("alert")).toContainText("The runner disconnected from fal while working on this run.");
  await expect(dropped.getByRole("button", RETRY)).toBeVisible();

  const refused = await run(page, "submit:bad_request");
  await expect(refused).toHaveAttribute("data-status", "failed");
  await expect(refused.getByRole("alert")).toContainText("fal refused the request itself.");
  await expect(refused.getByRole("button", RETRY)).toHaveCount(0);
});
