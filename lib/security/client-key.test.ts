import { describe, expect, it } from "vitest";
import { clientKey } from "./client-key";

describe("clientKey", () => {
  const forwarded = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" });

  it("ignores x-forwarded-for unless TRUST_PROXY is on: one shared bucket", () => {
    expect(clientKey(forwarded, false)).toBe("all-clients");
    expect(clientKey(new Headers({ "x-forwarded-for": "1.2.3.4" }), false)).toBe("all-clients");
  });

  it("behind a trusted proxy takes the hop that proxy added, not one the client wrote", () => {
    expect(clientKey(forwarded, true)).toBe("203.0.113.9");
    expect(clientKey(new Headers(), true)).toBe("unknown-client");
  });
});
