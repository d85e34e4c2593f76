import { describe, expect, it } from "vitest";
import { readEnv, SIMULATOR_DEFAULTS } from "./env";

describe("readEnv", () => {
  it("gives the simulator the defaults a simulator made without options takes", () => {
    const env = readEnv({ NODE_ENV: "production" });
    expect([
      env.SIMULATOR_CONCURRENCY,
      env.SIMULATOR_STEP_MS,
      env.SIMULATOR_TTL_SECONDS,
      env.SIMULATOR_MAX_STORE_BYTES,
    ]).toEqual([
      SIMULATOR_DEFAULTS.concurrency,
      SIMULATOR_DEFAULTS.stepMs,
      SIMULATOR_DEFAULTS.ttlSeconds,
      SIMULATOR_DEFAULTS.maxStoreBytes,
    ]);
  });

  it("honours the test-only rate-limit window only with test hooks on", () => {
    expect(readEnv({ NODE_ENV: "production", RATE_LIMIT_WINDOW_SECONDS: "5" }).RATE_LIMIT_WINDOW_SECONDS).toBe(60);
    const hooked = readEnv({ NODE_ENV: "test", PLAYGROUND_TEST_HOOKS: "1", RATE_LIMIT_WINDOW_SECONDS: "5" });
    expect(hooked.RATE_LIMIT_WINDOW_SECONDS).toBe(5);
    expect(readEnv({ NODE_ENV: "test", PLAYGROUND_TEST_HOOKS: "1" }).RATE_LIMIT_WINDOW_SECONDS).toBe(60);
  });
});
