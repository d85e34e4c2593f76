import { describe, expect, it } from "vitest";
import { gateDecision } from "./gate";
import { accessConfig, accessCookieValue, isValidAccessCookie, passwordMatches } from "./session";
import { isPlausibleFalKey } from "./visitor-key";

const config = accessConfig({ PLAYGROUND_PASSWORD: "correct horse battery" });
const NOW = 1_700_000_000_000;

describe("access cookie", () => {
  it("is off without a password", () => {
    expect(accessConfig({})).toBeUndefined();
    expect(gateDecision(undefined, { pathname: "/", cookie: undefined })).toBe("allow");
  });

  it("checks the password and signs a cookie that expires", () => {
    if (!config) throw new Error("config expected");
    expect(passwordMatches(config, "correct horse battery")).toBe(true);
    expect(passwordMatches(config, "correct horse batter")).toBe(false);
    const cookie = accessCookieValue(config, NOW);
    expect(cookie).not.toContain("correct");
    expect(isValidAccessCookie(config, cookie, NOW)).toBe(true);
    expect(isValidAccessCookie(config, cookie, NOW + 8 * 24 * 3600 * 1000)).toBe(false);
    const [expiry] = cookie.split(".");
    expect(isValidAccessCookie(config, `${Number(expiry) + 999}.${cookie.split(".")[1]}`, NOW)).toBe(false);
    expect(isValidAccessCookie(config, "garbage", NOW)).toBe(false);
    const other = accessConfig({ PLAYGROUND_PASSWORD: "another password" });
    if (other) expect(isValidAccessCookie(other, cookie, NOW)).toBe(false);
  });

  it("gates pages to sign-in and APIs to 401, leaving the simulator's queue to its own hop secret", () => {
    if (!config) throw new Error("config expected");
    const cookie = accessCookieValue(config, NOW);
    const ask = (pathname: string, extra: { cookie?: string } = {}) =>
      gateDecision(config, { pathname, cookie: extra.cookie }, NOW);
    expect(ask("/")).toBe("sign-in");
    expect(ask("/api/fal/proxy")).toBe("refuse");
    expect(ask("/api/simulator/files/abc/x.png")).toBe("refuse");
    expect(ask("/", { cookie })).toBe("allow");
    expect(ask("/api/simulator/files/abc/x.png", { cookie })).toBe("allow");
    expect(ask("/sign-in")).toBe("allow");
    expect(ask("/api/health")).toBe("allow");
    expect(ask("/api/simulator/queue/fal-ai/lora/image-to-image")).toBe("allow");
    expect(ask("/api/simulator/rest/storage/upload/initiate")).toBe("allow");
    expect(ask("/api/simulator/upload/token")).toBe("refuse");
    expect(ask("/opengraph-image.png")).toBe("allow");
    expect(ask("/icon.svg")).toBe("allow");
    expect(ask("/presets/canny-edges.png")).toBe("sign-in");
  });
});

describe("isPlausibleFalKey", () => {
  it.each([
    ["0f1e2d3c-aaaa-bbbb-cccc-0123456789ab:0123456789abcdef0123456789abcdef", true],
    ["no-colon-here", false],
    ["id:short", false],
    ["id:secret with space", false],
  ])("%s → %s", (value, plausible) => {
    expect(isPlausibleFalKey(value)).toBe(plausible);
  });
});
