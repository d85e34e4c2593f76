import { describe, expect, it } from "vitest";
import { readEnv, SIMULATOR_DEFAULTS } from "./env";

const envOf = (values: Record<string, string>) => readEnv({ NODE_ENV: "test", ...values });

describe("ALLOW_PRIVATE_URLS", () => {
  it("is off unless set, and SIMULATOR_ALLOW_PRIVATE_URLS still works as its older name", () => {
    expect(envOf({}).ALLOW_PRIVATE_URLS).toBe(false);
    expect(envOf({ ALLOW_PRIVATE_URLS: "1" }).ALLOW_PRIVATE_URLS).toBe(true);
    expect(envOf({ SIMULATOR_ALLOW_PRIVATE_URLS: "1" }).ALLOW_PRIVATE_URLS).toBe(true);
    expect(envOf({ ALLOW_PRIVATE_URLS: "0", SIMULATOR_ALLOW_PRIVATE_URLS: "1" }).ALLOW_PRIVATE_URLS).toBe(false);
  });

  it("is not implied by the test hooks", () => {
    expect(envOf({ PLAYGROUND_TEST_HOOKS: "1" }).ALLOW_PRIVATE_URLS).toBe(false);
  });
});

describe("the simulator's settings", () => {
  it("default to what a simulator made without options takes", () => {
    const env = envOf({});
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

describe("RATE_LIMIT_WINDOW_SECONDS", () => {
  it("is a minute unless the test hooks are on", () => {
    expect(envOf({ RATE_LIMIT_WINDOW_SECONDS: "5" }).RATE_LIMIT_WINDOW_SECONDS).toBe(60);
    expect(envOf({ PLAYGROUND_TEST_HOOKS: "1" }).RATE_LIMIT_WINDOW_SECONDS).toBe(60);
    expect(envOf({ PLAYGROUND_TEST_HOOKS: "1", RATE_LIMIT_WINDOW_SECONDS: "5" }).RATE_LIMIT_WINDOW_SECONDS).toBe(5);
  });
});

describe("HF_ORIGIN and CIVITAI_ORIGIN", () => {
  const origins = { HF_ORIGIN: "http://127.0.0.1:9/hf/", CIVITAI_ORIGIN: "http://127.0.0.1:9/civitai" };

  it("point the LoRA cards at stand-ins under test hooks only", () => {
    expect(envOf({ ...origins, PLAYGROUND_TEST_HOOKS: "1" })).toMatchObject({
      HF_ORIGIN: "http://127.0.0.1:9/hf",
      CIVITAI_ORIGIN: "http://127.0.0.1:9/civitai",
    });
    expect(envOf(origins)).toMatchObject({ HF_ORIGIN: undefined, CIVITAI_ORIGIN: undefined });
  });
});
