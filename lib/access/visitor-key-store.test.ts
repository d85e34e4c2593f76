import { afterEach, describe, expect, it, vi } from "vitest";
import { VISITOR_KEY_HEADER, VISITOR_KEY_STORAGE } from "./visitor-key";
import { visitorKeyMiddleware } from "./visitor-key-store";

afterEach(() => vi.unstubAllGlobals());

describe("visitorKeyMiddleware", () => {
  it("adds the key from sessionStorage to proxy calls only", async () => {
    const storage = new Map([[VISITOR_KEY_STORAGE, "id:secret-123456"]]);
    vi.stubGlobal("window", { sessionStorage: { getItem: (key: string) => storage.get(key) ?? null } });
    const middleware = visitorKeyMiddleware("/api/fal/proxy");
    const proxied = await middleware({ url: "/api/fal/proxy", method: "POST", headers: { a: "b" } });
    expect(proxied.headers).toEqual({ a: "b", [VISITOR_KEY_HEADER]: "id:secret-123456" });
    const elsewhere = await middleware({ url: "https://v3.fal.media/upload", method: "PUT" });
    expect(elsewhere.headers).toBeUndefined();
  });

  it("adds nothing without a saved key", async () => {
    vi.stubGlobal("window", { sessionStorage: { getItem: () => null } });
    const request = await visitorKeyMiddleware("/api/fal/proxy")({ url: "/api/fal/proxy", method: "GET" });
    expect(request.headers).toBeUndefined();
  });
});
