import { expect, test } from "@playwright/test";
import { formReady } from "./fixtures/queue";

test("every page and API answer carries the security headers", async ({ request }) => {
  // The prerendered page allows its scripts by hash (e2e/static-shell.spec.ts has the details).
  const home = (await request.get("/")).headers()["content-security-policy"] ?? "";
  expect(home).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+ 'strict-dynamic';/);
  expect(home).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(home).not.toContain("unsafe-eval");

  // A page rendered per request gets a fresh nonce, which Next stamps on its scripts.
  const page = await request.get("/sign-in");
  const policy = page.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' ('sha256-[A-Za-z0-9+/=]+' )+'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(await page.text()).toContain(`nonce="${nonce}"`);
  const second = await request.get("/sign-in");
  expect(second.headers()["content-security-policy"]).not.toBe(policy);

  for (const path of ["/", "/sign-in", "/api/health", "/api/config", "/api/fal/proxy", "/api/simulator/nowhere"]) {
    const response = await request.get(path);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(response.headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }
});

test("a whole run works under the CSP with no violation reported", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Refused to ${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    );
  });
  await page.goto("/");
  await formReady(page);
  await page.getByLabel("Prompt", { exact: true }).fill("a lighthouse under a strict policy");
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(page.getByRole("article").first()).toHaveAttribute("data-status", "completed");
  await expect(page.getByRole("img", { name: /^Result 1 of run/ })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a page rendered per request runs its own scripts and the layout's head scripts under its nonce policy", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    window.localStorage.setItem("fal-lora-playground:theme", "dark");
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Refused to ${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    );
  });
  await page.goto("/sign-in");
  // Next's client runtime (its nonce-stamped scripts) announces itself on window.
  await page.waitForFunction(() => "next" in window);
  expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toMatchObject({
    theme: "dark",
    configMode: "simulator",
  });
  expect(violations).toEqual([]);
});
