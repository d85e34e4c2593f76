import { describe, expect, it } from "vitest";
import { PUBLIC_CONFIG_SCRIPT } from "@/lib/public-config/pre-paint-script";
import { THEME_SCRIPT } from "@/lib/theme/theme";
import { pagePolicyFor } from "./page-policy";
import { scriptHashSource } from "./script-hashes";

const staticPages = { pages: ["/", "/_not-found"], scriptSources: ["'sha256-page='", "'sha256-chunk='"] };
const context = { staticPages, development: false, extraOrigins: [] };

describe("pagePolicyFor", () => {
  it("allows a prerendered page's scripts by hash, with no nonce, the same for every request", () => {
    const first = pagePolicyFor("/", context);
    expect(first.nonce).toBeUndefined();
    expect(first.policy).toContain("script-src 'self' 'sha256-page=' 'sha256-chunk=' 'strict-dynamic';");
    expect(first.policy).not.toContain("nonce-");
    expect(pagePolicyFor("/", context)).toEqual(first);
  });

  it("gives any other page a fresh nonce and the hashes of the layout's head scripts", () => {
    const signIn = pagePolicyFor("/sign-in", context);
    expect(signIn.nonce).toBeDefined();
    expect(signIn.policy).toContain(
      `script-src 'self' 'nonce-${signIn.nonce}' ${scriptHashSource(THEME_SCRIPT)} ${scriptHashSource(PUBLIC_CONFIG_SCRIPT)} 'strict-dynamic'`,
    );
    expect(signIn.policy).not.toContain("sha256-page=");
    expect(pagePolicyFor("/sign-in", context).nonce).not.toBe(signIn.nonce);
  });

  it("renders every page per request under next dev, where there is no build record", () => {
    const home = pagePolicyFor("/", { ...context, staticPages: undefined, development: true });
    expect(home.nonce).toBeDefined();
    expect(home.policy).toContain("'unsafe-eval'");
  });
});
