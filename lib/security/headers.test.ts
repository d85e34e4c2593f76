import { describe, expect, it } from "vitest";
import { pageContentSecurityPolicy } from "./headers";

describe("pageContentSecurityPolicy", () => {
  it("allows scripts only with the nonce, forbids framing and plugins", () => {
    const policy = pageContentSecurityPolicy("abc123", false);
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toMatch(/img-src 'self' blob: data: https:/);
  });

  it("allows eval only in development, where React needs it", () => {
    expect(pageContentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
  });
});
