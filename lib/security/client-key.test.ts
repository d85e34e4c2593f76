import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientKey, PEER_ADDRESS_HEADER, PEER_ADDRESS_MARK } from "./client-key";

describe("clientKey", () => {
  const forwarded = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" });

  it("ignores x-forwarded-for unless TRUST_PROXY is on: one shared bucket without the server preload", () => {
    expect(clientKey(forwarded, false)).toBe("all-clients");
    expect(clientKey(new Headers({ "x-forwarded-for": "1.2.3.4" }), false)).toBe("all-clients");
  });

  it("behind a trusted proxy takes the hop that proxy added, not one the client wrote", () => {
    expect(clientKey(forwarded, true)).toBe("203.0.113.9");
    expect(clientKey(new Headers(), true)).toBe("unknown-client");
  });
});

describe("clientKey from the connection's address", () => {
  const marked = globalThis as Record<symbol, unknown>;
  beforeEach(() => delete marked[PEER_ADDRESS_MARK]);
  afterEach(() => delete marked[PEER_ADDRESS_MARK]);

  it("without TRUST_PROXY, buckets each connection's address when the server preload passes it on", () => {
    const from = (address: string) => new Headers({ [PEER_ADDRESS_HEADER]: address, "x-forwarded-for": "6.6.6.6" });
    expect(clientKey(from("203.0.113.9"), false)).toBe("all-clients");
    marked[PEER_ADDRESS_MARK] = true;
    expect(clientKey(from("203.0.113.9"), false)).toBe("203.0.113.9");
    expect(clientKey(from("::ffff:198.51.100.4"), false)).toBe("198.51.100.4");
    expect(clientKey(from("2001:db8:1:2:aaaa::1"), false)).toBe("2001:db8:1:2::/64");
    expect(clientKey(from("2001:db8:1:2:bbbb:cccc:dddd:eeee"), false)).toBe("2001:db8:1:2::/64");
    expect(clientKey(from("::1"), false)).toBe("0:0:0:0::/64");
    expect(clientKey(new Headers(), false)).toBe("all-clients");
    expect(clientKey(from("203.0.113.9"), true)).toBe("6.6.6.6");
  });
});
