import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

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
