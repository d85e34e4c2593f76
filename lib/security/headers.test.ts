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

describe("connect-src", () => {
  it("reaches fal's storage and CDN hosts, and shows and reaches an extra origin only when given one", () => {
    const policy = pageContentSecurityPolicy("n", false);
    expect(policy).toMatch(
      /connect-src 'self' https:\/\/fal\.media https:\/\/\*\.fal\.media .*https:\/\/storage\.googleapis\.com\/falserverless\//,
    );
    expect(policy).not.toContain("127.0.0.1");
    const withFake = pageContentSecurityPolicy("n", false, ["http://127.0.0.1:3100"]);
    expect(withFake).toMatch(/connect-src [^;]*http:\/\/127\.0\.0\.1:3100/);
    expect(withFake).toMatch(/img-src [^;]*http:\/\/127\.0\.0\.1:3100/);
  });
});
