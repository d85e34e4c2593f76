import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startServer, stopServer } from "../test/next-server";
import { makePng } from "./fixtures/images";
import { headOnly, signInFrom } from "./fixtures/raw-request";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const origin = `http://127.0.0.1:${PORT}`;
const PASSWORD = "correct horse battery";
let server: ChildProcess | undefined;

// A second server from the same build, with a shared password set.
test.beforeAll(async () => {
  server = await startServer(PORT, {
    FAL_MODE: "simulator",
    FAL_KEY: "",
    SIMULATOR_STEP_MS: "10",
    PLAYGROUND_PASSWORD: PASSWORD,
    PLAYGROUND_TEST_HOOKS: "0",
  });
});

test.afterAll(() => {
  if (server) stopServer(server);
});

test("with a password set, nothing but sign-in answers until the visitor signs in", async ({ page }) => {
  const proxy = await fetch(`${origin}/api/fal/proxy`, {
    method: "POST",
    headers: {
      "x-fal-target-url": "https://queue.fal.run/fal-ai/lora/image-to-image",
      "content-type": "application/json",
    },
    body: JSON.stringify({ model_name: "m", prompt: "p" }),
  });
  expect(proxy.status).toBe(401);
  expect(
    (await fetch(`${origin}/api/simulator/queue/fal-ai/lora/image-to-image`, { method: "POST", body: "{}" })).status,
  ).toBe(401);

  await page.goto(`${origin}/`);
  await expect(page).toHaveURL(`${origin}/sign-in`);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // Next's route announcer is an (empty) alert too, so the message is found by its text.
  await expect(page.getByRole("alert").filter({ hasText: "That password is not right. Try again." })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${origin}/`);
  const cookie = (await page.context().cookies()).find((entry) => entry.httpOnly);
  expect(cookie).toBeDefined();

  await page.getByLabel("Prompt", { exact: true }).fill("behind a password");
  await page
    .getByLabel("Init image", { exact: true })
    .setInputFiles({ name: "init.png", mimeType: "image/png", buffer: await makePng(72, 48) });
  await expect(page.getByText("72 × 48")).toBeVisible();
  await page.getByRole("button", { name: /^Run/ }).click();
  const result = page.getByRole("list", { name: "Results" }).getByRole("img").first();
  await expect.poll(() => result.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(72);
});

test("the gate answers 401 before reading a body, and the simulator's queue takes no key but the proxy's", async () => {
  const declared = 200 * 1024 * 1024;
  for (const path of ["/api/fal/proxy", "/api/simulator/upload/any-token"]) {
    const answer = await headOnly(
      PORT,
      `PUT ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: image/png\r\nContent-Length: ${declared}`,
    );
    expect(answer, path).toMatch(/^HTTP\/1\.1 401/);
  }
  const direct = await fetch(`${origin}/api/simulator/queue/fal-ai/lora/image-to-image`, {
    method: "POST",
    headers: { authorization: "Key visitor-1234:abcdefgh12345678", "content-type": "application/json" },
    body: JSON.stringify({ model_name: "m", prompt: "p" }),
  });
  expect(direct.status).toBe(401);
});

test("an error name from the address bar that is not one of the page's shows the plain sign-in page", async ({
  page,
}) => {
  for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "nonsense"]) {
    const response = await page.goto(`${origin}/sign-in?error=${name}`);
    expect(response?.status(), name).toBe(200);
    await expect(page.getByLabel("Password")).toBeVisible();
    await expect(page.getByLabel("Password")).not.toHaveAttribute("aria-invalid");
    await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveCount(0);
  }
  expect((await page.goto(`${origin}/sign-in?error=wrong&error=busy`))?.status()).toBe(200);
  await page.goto(`${origin}/sign-in?error=wrong`);
  await expect(page.getByRole("alert").filter({ hasText: "That password is not right." })).toBeVisible();
});

test("guessing from one address (TRUST_PROXY=0) slows that address alone: the right password signs in from anywhere", async () => {
  // A burst of wrong guesses from one address: two at a time are checked and held, the rest turned away.
  const guesses = await Promise.all(
    Array.from({ length: 12 }, (_, index) => signInFrom("127.0.0.2", PORT, `guess ${index}`)),
  );
  const checked = guesses.filter((guess) => guess.location === "/sign-in?error=wrong");
  expect(checked.length).toBeGreaterThanOrEqual(2);
  expect(checked.length).toBeLessThanOrEqual(4);
  expect(guesses.filter((guess) => guess.location === "/sign-in?error=busy").length).toBeGreaterThanOrEqual(8);
  expect(guesses.every((guess) => !guess.cookie)).toBe(true);
  expect(Math.min(...checked.map((guess) => guess.ms))).toBeGreaterThanOrEqual(900);

  // While that address keeps guessing, the owner elsewhere signs in at once.
  const more = Promise.all([signInFrom("127.0.0.2", PORT, "again"), signInFrom("127.0.0.2", PORT, "and again")]);
  const owner = await signInFrom("127.0.0.3", PORT, PASSWORD);
  expect(owner).toMatchObject({ location: "/", cookie: true });
  expect(owner.ms).toBeLessThan(900);
  await more;

  // Only failures count: after all of them, the right password from the guessing address itself signs in.
  expect(await signInFrom("127.0.0.2", PORT, PASSWORD)).toMatchObject({ location: "/", cookie: true });
});
