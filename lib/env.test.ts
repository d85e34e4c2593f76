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
});
