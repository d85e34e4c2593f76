import { describe, expect, it } from "vitest";
import { defaultRequestOptions } from "@/lib/fal/request-options";
import { readStoredOptions, REQUEST_OPTIONS_STORAGE_KEY } from "./stored-options";

const storing = (value: unknown) => ({
  getItem: (key: string) => (key === REQUEST_OPTIONS_STORAGE_KEY ? JSON.stringify(value) : null),
  setItem: () => undefined,
});

describe("request options kept in this browser", () => {
  it("reads back what was kept", () => {
    const kept = { startTimeoutSeconds: 30, priority: "low", storeIo: false, fileLifetime: "7d" };
    expect(readStoredOptions(storing(kept))).toEqual(kept);
  });

  it("falls back to each field's default for what no longer fits, field by field", () => {
    expect(
      readStoredOptions(storing({ startTimeoutSeconds: 0.5, priority: "urgent", storeIo: "no", fileLifetime: "1y" })),
    ).toEqual(defaultRequestOptions);
    expect(readStoredOptions(storing({ priority: "low", fileLifetime: "forever" }))).toEqual({
      ...defaultRequestOptions,
      priority: "low",
    });
  });

  it("starts at the defaults with nothing kept, damaged storage, or no storage at all", () => {
    expect(readStoredOptions(storing(null))).toEqual(defaultRequestOptions);
    expect(readStoredOptions({ getItem: () => "{oops", setItem: () => undefined })).toEqual(defaultRequestOptions);
    expect(readStoredOptions(undefined)).toEqual(defaultRequestOptions);
  });
});
