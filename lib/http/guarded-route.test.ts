import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetServerEnv } from "@/lib/env";
import { guardedRoute } from "./guarded-route";
import { readLimited } from "./read-limited";

const limit = () => ({ maxBytes: 10, message: "Too big." });
const ok = guardedRoute(async (request) => new Response(await request.text()), limit);

/** A body that counts how much of it was pulled. */
function watchedBody(chunks: number, size = 8) {
  const watch = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (watch.pulled >= chunks) return controller.close();
      watch.pulled += 1;
      controller.enqueue(new Uint8Array(size));
    },
  });
  return { stream, watch };
}

function post(body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) {
  const init: RequestInit & { duplex: "half" } = { method: "POST", body, headers, duplex: "half" };
  return new NextRequest(new Request("http://playground.test/api/fal/proxy", init));
}

afterEach(() => {
  delete process.env.PLAYGROUND_PASSWORD;
  resetServerEnv();
});

describe("guardedRoute", () => {
  it("passes a small body through and sets the API security headers", async () => {
    const response = await ok(post("hello"));
    expect(await response.text()).toBe("hello");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("with a password set, answers 401 without reading the body, and closes the connection", async () => {
    process.env.PLAYGROUND_PASSWORD = "correct horse battery";
    resetServerEnv();
    const { stream, watch } = watchedBody(1_000);
    const response = await ok(post(stream, { "content-length": "8000" }));
    expect(response.status).toBe(401);
    expect(response.headers.get("connection")).toBe("close");
    expect(watch.pulled).toBeLessThanOrEqual(1);
  });

  it("refuses a body declared far too large at once, and drains a modest excess so the client reads the 413", async () => {
    const huge = watchedBody(1_000);
    const refused = await ok(post(huge.stream, { "content-length": String(200 * 1024 * 1024) }));
    expect(refused.status).toBe(413);
    expect(refused.headers.get("connection")).toBe("close");
    expect(huge.watch.pulled).toBeLessThanOrEqual(1);

    const modest = watchedBody(4);
    const drained = await ok(post(modest.stream, { "content-length": "32" }));
    expect(drained.status).toBe(413);
    expect(drained.headers.get("connection")).toBeNull();
    expect(await drained.json()).toEqual({ detail: "Too big." });
    expect(modest.watch.pulled).toBe(4);
  });

  it("logs a request whose client went away mid-body in one line with the reason, not a stack", async () => {
    const aborted = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(4));
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const lines: unknown[][] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void lines.push(args));
    try {
      const reading = guardedRoute(async (request) => {
        await readLimited(request.body, 100);
        return new Response("never");
      }, limit);
      const response = await reading(post(aborted));
      expect(response.status).toBe(400);
      expect(lines).toEqual([
        ["POST /api/fal/proxy: the client went away before its request ended (aborted, ECONNRESET)."],
      ]);
    } finally {
      warn.mockRestore();
    }
  });
});
