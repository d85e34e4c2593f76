import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { PUBLIC_CONFIG_SCRIPT } from "./pre-paint-script";
import { PUBLIC_CONFIG_COOKIE, type PublicConfig, publicConfigFromCookies, readPublicConfig } from "./public-config";
import { publicConfig } from "./server-public-config";

describe("publicConfig", () => {
  it("tells the mode, whether the server has a key and the submit limit, never the key", () => {
    const env = readEnv({ NODE_ENV: "test", FAL_KEY: "secret-id:secret-key", RATE_LIMIT_SUBMITS_PER_MINUTE: "12" });
    const config = publicConfig(env);
    expect(config).toEqual({
      mode: "fal",
      serverHasKey: true,
      submitsPerMinute: 12,
      submitWindowSeconds: 60,
      fixedRequestOptions: {},
    });
    expect(JSON.stringify(config)).not.toContain("secret");
    expect(publicConfig(readEnv({ NODE_ENV: "test" }))).toEqual({
      mode: "simulator",
      serverHasKey: false,
      submitsPerMinute: 30,
      submitWindowSeconds: 60,
      fixedRequestOptions: {},
    });
  });

  it("tells the request options the operator fixed", () => {
    const env = readEnv({ NODE_ENV: "test", FAL_STORE_IO: "0", FAL_FILE_LIFETIME: "1d", FAL_QUEUE_PRIORITY: "low" });
    const config = publicConfig(env);
    expect(config.fixedRequestOptions).toEqual({ storeIo: false, fileLifetime: "1d", priority: "low" });
    expect(readPublicConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
  });

  it("is read back by the page exactly as the server wrote it", () => {
    const config = publicConfig(readEnv({ NODE_ENV: "test", FAL_MODE: "simulator", FAL_KEY: "k" }));
    expect(readPublicConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
  });
});

describe("readPublicConfig", () => {
  const valid = {
    mode: "simulator",
    serverHasKey: false,
    submitsPerMinute: 30,
    submitWindowSeconds: 60,
    fixedRequestOptions: { startTimeoutSeconds: 30 },
  };

  it("refuses an answer with a field missing or wrong", () => {
    expect(readPublicConfig(valid)).toEqual(valid);
    for (const broken of [
      null,
      [],
      "simulator",
      { ...valid, mode: "live" },
      { ...valid, serverHasKey: "no" },
      { ...valid, submitsPerMinute: 0 },
      { ...valid, submitsPerMinute: 2.5 },
      { ...valid, submitWindowSeconds: 0 },
      { ...valid, fixedRequestOptions: undefined },
      { ...valid, fixedRequestOptions: { priority: "urgent" } },
      { ...valid, fixedRequestOptions: { startTimeoutSeconds: 1 } },
      { ...valid, fixedRequestOptions: { storeIo: "0" } },
      { ...valid, fixedRequestOptions: { somethingElse: true } },
      { mode: "fal", serverHasKey: true, submitsPerMinute: 12 },
      { mode: "fal", serverHasKey: true },
    ]) {
      expect(readPublicConfig(broken), JSON.stringify(broken)).toBeUndefined();
    }
  });
});

describe("the configuration cookie", () => {
  const config: PublicConfig = {
    mode: "fal",
    serverHasKey: true,
    submitsPerMinute: 12,
    submitWindowSeconds: 5,
    fixedRequestOptions: { storeIo: false },
  };
  // As proxy.ts sets it: Next's response cookies URI-encode the value.
  const encodePublicConfig = (value: PublicConfig) => encodeURIComponent(JSON.stringify(value));

  it("is read back from a document.cookie string among other cookies", () => {
    const cookies = `theme=dark; ${PUBLIC_CONFIG_COOKIE}=${encodePublicConfig(config)}; other=1`;
    expect(publicConfigFromCookies(cookies)).toEqual(config);
    expect(publicConfigFromCookies(`${PUBLIC_CONFIG_COOKIE}=${encodePublicConfig(config)}`)).toEqual(config);
  });

  it("is undefined when absent, garbled or of another shape", () => {
    expect(publicConfigFromCookies("")).toBeUndefined();
    expect(publicConfigFromCookies(`x${PUBLIC_CONFIG_COOKIE}=${encodePublicConfig(config)}`)).toBeUndefined();
    expect(publicConfigFromCookies(`${PUBLIC_CONFIG_COOKIE}=%7Bnot-json`)).toBeUndefined();
    expect(publicConfigFromCookies(`${PUBLIC_CONFIG_COOKIE}=${encodeURIComponent('{"mode":"fal"}')}`)).toBeUndefined();
  });

  it("is mirrored on <html> by the pre-paint script, one data-config-* attribute per field", () => {
    const runScript = (cookie: string) => {
      const dataset: Record<string, string> = {};
      new Function("document", PUBLIC_CONFIG_SCRIPT)({ cookie, documentElement: { dataset } });
      return dataset;
    };
    expect(runScript(`a=1; ${PUBLIC_CONFIG_COOKIE}=${encodePublicConfig(config)}`)).toEqual({
      configMode: "fal",
      configServerHasKey: "true",
      configSubmitsPerMinute: "12",
      configSubmitWindowSeconds: "5",
    });
    expect(runScript("a=1")).toEqual({});
    expect(runScript(`${PUBLIC_CONFIG_COOKIE}=%7Bbroken`)).toEqual({});
  });
});
