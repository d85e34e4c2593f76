import type { ChildProcess } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { startServer, stopServer } from "../test/next-server";
import { formReady, runCard } from "./fixtures/queue";

/*
 * `/` is prerendered: the same bytes for everyone, its scripts allowed by hash. The server's public
 * configuration comes with the page as a cookie (JSON at /api/config without one). A second server
 * from the same build runs in fal mode, to show the page laid out for it from the first paint.
 */
const FAL_PORT = Number(process.env.E2E_PORT ?? 3100) + 90;
const falOrigin = `http://127.0.0.1:${FAL_PORT}`;
let falServer: ChildProcess | undefined;

test.beforeAll(async () => {
  falServer = await startServer(FAL_PORT, { FAL_MODE: "fal", FAL_KEY: "server-id:server-secret" });
});

test.afterAll(() => {
  if (falServer) stopServer(falServer);
});

function scriptSourcesOf(policy: string): string[] {
  const scriptSrc = policy.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
  return scriptSrc.trim().split(/\s+/).slice(1);
}

type PageScript = { script: string; sources: string[] };

/** Each script of the document as the browser parses it, with what would allow it: its hash, or its integrity. */
async function scriptsOf(page: Page, html: string): Promise<PageScript[]> {
  return page.evaluate(async (source) => {
    const parsed = new DOMParser().parseFromString(source, "text/html");
    return Promise.all(
      [...parsed.scripts].map(async (script) => {
        const src = script.getAttribute("src");
        if (src !== null) {
          const integrity = (script.getAttribute("integrity") ?? "").split(/\s+/).filter(Boolean);
          return { script: src, sources: integrity.map((token) => `'${token}'`) };
        }
        const text = script.textContent ?? "";
        const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
        return { script: text.slice(0, 80), sources: [`'sha256-${btoa(String.fromCharCode(...digest))}'`] };
      }),
    );
  }, html);
}

/** Every layout shift from navigation until the configuration shows and a frame has been drawn. */
async function layoutShiftsOfLoad(page: Page, url: string, settled: string): Promise<number[]> {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    Object.assign(window, { layoutShifts: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(url);
  await expect(page.getByRole("status").filter({ hasText: settled })).toBeVisible();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts);
}

test("two requests for / get the same bytes and the same policy, which holds hashes and no nonce", async ({
  request,
}) => {
  const [first, second] = [await request.get("/"), await request.get("/")];
  expect(first.status()).toBe(200);
  expect(Buffer.compare(await first.body(), await second.body())).toBe(0);
  const policy = first.headers()["content-security-policy"] ?? "";
  expect(second.headers()["content-security-policy"]).toBe(policy);
  expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+ 'strict-dynamic';/);
  expect(policy).not.toContain("nonce-");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(await first.text()).not.toContain("nonce=");
});

test("every script of / is allowed by its policy: inline ones by their hash, the chunks by their integrity", async ({
  page,
  request,
}) => {
  const answer = await request.get("/");
  const allowed = new Set(scriptSourcesOf(answer.headers()["content-security-policy"] ?? ""));
  await page.goto("/api/health");
  const scripts = await scriptsOf(page, await answer.text());
  expect(scripts.filter((script) => !script.script.startsWith("/")).length).toBeGreaterThanOrEqual(3);
  expect(scripts.filter((script) => script.script.startsWith("/_next/")).length).toBeGreaterThanOrEqual(3);
  const refused = scripts.filter(
    (script) => script.sources.length === 0 || !script.sources.every((source) => allowed.has(source)),
  );
  expect(refused, "scripts the policy would refuse (is .next/static-page-scripts.json from this build?)").toEqual([]);
});

test("an injected inline script, event handler or same-origin script is refused while the page's own scripts run", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().startsWith("violation:")) violations.push(message.text());
  });
  await page.addInitScript(() => {
    window.localStorage.setItem("fal-lora-playground:theme", "dark");
    document.addEventListener("securitypolicyviolation", (event) =>
      console.log(`violation: ${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  await page.route("/injected.js", (route) =>
    route.fulfill({ contentType: "text/javascript", body: "window.injectedExternal = true;" }),
  );
  await page.route("/", async (route) => {
    const response = await route.fetch();
    const injected =
      '<script>window.injectedInline = true</script><img alt="" src="data:," onload="window.injectedHandler = true">' +
      '<script src="/injected.js"></script></body>';
    await route.fulfill({ response, body: (await response.text()).replace("</body>", injected) });
  });
  await page.goto("/");

  // The page's own: React hydrated and read the configuration, and both head scripts ran.
  await expect(page.getByRole("status").filter({ hasText: "Simulator mode" })).toBeVisible();
  await page.getByLabel("Prompt", { exact: true }).fill("still a working page");
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("still a working page");
  expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toMatchObject({
    theme: "dark",
    configMode: "simulator",
  });

  const ran = await page.evaluate(() => {
    const flags = window as unknown as Record<string, unknown>;
    return [flags.injectedInline, flags.injectedHandler, flags.injectedExternal];
  });
  expect(ran).toEqual([undefined, undefined, undefined]);
  // Exactly the three injected: none of the page's own scripts was refused.
  await expect
    .poll(() => [...violations].sort())
    .toEqual([
      "violation: script-src-attr inline",
      "violation: script-src-elem http://127.0.0.1:" + new URL(page.url()).port + "/injected.js",
      "violation: script-src-elem inline",
    ]);
});

test("the server's configuration comes with the page, and from /api/config when the browser keeps no cookie", async ({
  page,
}) => {
  const asked: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/config") asked.push(request.url());
  });
  await page.goto(`${falOrigin}/`);
  await expect(page.getByRole("status").filter({ hasText: "Live mode" })).toBeVisible();
  await expect(page.getByRole("region", { name: "fal key settings" })).toContainText("billed to this playground's key");
  expect(asked).toEqual([]);

  await page.route(`${falOrigin}/`, async (route) => {
    const response = await route.fetch();
    // route.fetch shares the browser's cookie jar: what it was just sent is dropped again.
    await page.context().clearCookies();
    const headers = Object.fromEntries(
      Object.entries(response.headers()).filter(([name]) => name.toLowerCase() !== "set-cookie"),
    );
    await route.fulfill({ response, headers });
  });
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Live mode" })).toBeVisible();
  await expect(page.getByLabel("Your fal key")).toBeVisible();
  expect(asked).toHaveLength(1);
  expect(await page.evaluate(() => document.documentElement.dataset.configMode)).toBeUndefined();
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width} px nothing moves as the page learns the configuration, in either mode`, async ({
    browser,
  }) => {
    for (const [url, settled] of [
      ["/", "Simulator mode"],
      [`${falOrigin}/`, "Live mode"],
    ] as const) {
      const context = await browser.newContext({ viewport, baseURL: test.info().project.use.baseURL });
      const page = await context.newPage();
      expect(await layoutShiftsOfLoad(page, url, settled), `${url} at ${viewport.width} px`).toEqual([]);
      await context.close();
    }
  });
}

test("the prerendered form shows its defaults, and what is typed before the form takes over is kept and run", async ({
  page,
}) => {
  // The page's scripts are held back, so the visitor meets the prerendered form alone.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await released;
    await route.fallback();
  });
  await page.goto("/", { waitUntil: "domcontentloaded" });
  const model = page.getByLabel("Model", { exact: true });
  const prompt = page.getByLabel("Prompt", { exact: true });
  const weighting = page.getByLabel("Prompt weighting", { exact: true });
  await expect(model).toHaveValue("stabilityai/stable-diffusion-xl-base-1.0");
  await expect(page.getByLabel("Inference steps", { exact: true })).toHaveValue("30");
  await expect(weighting).not.toBeChecked();
  await expect(page.locator("form#run-settings")).not.toHaveAttribute("data-ready");

  await prompt.fill("typed before the page was ready");
  await model.fill("runwayml/stable-diffusion-v1-5");
  await weighting.check();
  // Run pressed now does nothing (it used to submit natively, reloading the page without what was typed).
  await page.getByRole("button", { name: /^Run/ }).click();
  await page.waitForTimeout(300);
  expect(new URL(page.url()).search).toBe("");
  await expect(prompt).toHaveValue("typed before the page was ready");
  release();
  await formReady(page);
  await expect(prompt).toHaveValue("typed before the page was ready");
  await expect(model).toHaveValue("runwayml/stable-diffusion-v1-5");
  await expect(weighting).toBeChecked();

  const submitted = page.waitForRequest((request) => request.method() === "POST" && request.url().includes("/api/fal"));
  await page.getByRole("button", { name: /^Run/ }).click();
  const body = submitted.then((request) => request.postDataJSON() as Record<string, unknown>);
  expect(await body).toMatchObject({
    prompt: "typed before the page was ready",
    model_name: "runwayml/stable-diffusion-v1-5",
    prompt_weighting: true,
  });
  await expect(runCard(page, "typed before the page was ready")).toHaveAttribute("data-status", "completed");
});
