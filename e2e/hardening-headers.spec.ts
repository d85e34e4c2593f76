import { expect, test } from "@playwright/test";

test("every page and API answer carries the security headers", async ({ request }) => {
  const page = await request.get("/");
  const policy = page.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(await page.text()).toContain(`nonce="${nonce}"`);
  const second = await request.get("/");
  expect(second.headers()["content-security-policy"]).not.toBe(policy);

  for (const path of ["/", "/api/health", "/api/fal/proxy", "/api/simulator/nowhere"]) {
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
  await page.getByLabel("Prompt", { exact: true }).fill("a lighthouse under a strict policy");
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(page.getByRole("article").first()).toHaveAttribute("data-status", "completed");
  await expect(page.getByRole("img", { name: /^Result 1 of run/ })).toBeVisible();
  expect(violations).toEqual([]);
});
