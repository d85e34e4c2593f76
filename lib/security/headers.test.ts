import { describe, expect, it } from "vitest";
import { freshNonceSource, pageContentSecurityPolicy } from "./headers";

const policyOf = (options: Partial<Parameters<typeof pageContentSecurityPolicy>[0]> = {}) =>
  pageContentSecurityPolicy({ scriptSources: ["'sha256-abc='"], development: false, ...options });

describe("pageContentSecurityPolicy", () => {
  it("allows scripts only by the given sources and what they load, forbids framing and plugins", () => {
    const policy = policyOf({ scriptSources: ["'sha256-abc='", "'nonce-n1'"] });
    expect(policy).toContain("script-src 'self' 'sha256-abc=' 'nonce-n1' 'strict-dynamic';");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toMatch(/img-src 'self' blob: data: https:/);
  });

  it("allows eval only in development, where React needs it", () => {
    expect(policyOf({ development: true })).toContain("'strict-dynamic' 'unsafe-eval'");
  });
});

describe("freshNonceSource", () => {
  it("is a different nonce each time, written as a nonce-source", () => {
    const first = freshNonceSource();
    const second = freshNonceSource();
    expect(first.source).toBe(`'nonce-${first.nonce}'`);
    expect(first.nonce).not.toBe(second.nonce);
    expect(first.nonce).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });
});

describe("connect-src", () => {
  it("reaches fal's storage and CDN hosts, and shows and reaches an extra origin only when given one", () => {
    const policy = policyOf();
    expect(policy).toMatch(
      /connect-src 'self' https:\/\/fal\.media https:\/\/\*\.fal\.media .*https:\/\/storage\.googleapis\.com\/falserverless\//,
    );
    expect(policy).not.toContain("127.0.0.1");
    const withFake = policyOf({ extraOrigins: ["http://127.0.0.1:3100"] });
    expect(withFake).toMatch(/connect-src [^;]*http:\/\/127\.0\.0\.1:3100/);
    expect(withFake).toMatch(/img-src [^;]*http:\/\/127\.0\.0\.1:3100/);
  });
});
