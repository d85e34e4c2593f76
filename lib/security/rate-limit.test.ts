import { describe, expect, it, vi } from "vitest";
import { createSubmitLimiter } from "./rate-limit";

describe("createSubmitLimiter", () => {
  it("keeps counts in memory by default and answers Retry-After seconds once a client is over", async () => {
    const limiter = createSubmitLimiter({ pointsPerMinute: 2 });
    expect(limiter.store).toBe("memory");
    expect(await limiter.consume("a")).toEqual({ ok: true });
    expect(await limiter.consume("a")).toEqual({ ok: true });
    const over = await limiter.consume("a");
    expect(over.ok).toBe(false);
    expect(over.ok === false && over.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(await limiter.consume("b")).toEqual({ ok: true });
  });

  it("counts in a shorter window when one is given", async () => {
    const limiter = createSubmitLimiter({ name: "short-window", pointsPerMinute: 1, windowSeconds: 2 });
    expect(await limiter.consume("a")).toEqual({ ok: true });
    const over = await limiter.consume("a");
    expect(over.ok === false && over.retryAfterSeconds).toBeLessThanOrEqual(2);
  });

  it("uses Redis when a URL is set, and falls back to memory when Redis fails", async () => {
    const connectRedis = vi.fn(async () => ({
      // Shaped like ioredis enough for rate-limiter-flexible to call it, then fail like a dead server.
      status: "ready",
      rlflxIncr: () => Promise.reject(new Error("connection refused")),
      multi: () => ({ exec: () => Promise.reject(new Error("connection refused")) }),
      set: () => Promise.reject(new Error("connection refused")),
      defineCommand: () => undefined,
    }));
    const limiter = createSubmitLimiter({ pointsPerMinute: 1, redisUrl: "redis://127.0.0.1:1", connectRedis });
    expect(limiter.store).toBe("redis");
    expect(await limiter.consume("a")).toEqual({ ok: true });
    expect(connectRedis).toHaveBeenCalledWith("redis://127.0.0.1:1");
    expect((await limiter.consume("a")).ok).toBe(false);
  });
});
