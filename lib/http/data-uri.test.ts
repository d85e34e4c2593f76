import { describe, expect, it } from "vitest";
import { IMAGE_DATA_URI, isDataUri, parseDataUri } from "./data-uri";

describe("data URIs", () => {
  it("reads the media type and data of a base64 data URI", () => {
    expect(parseDataUri("data:image/png;base64,iVBO\nRw0K")).toEqual({ mediaType: "image/png", base64: "iVBORw0K" });
    expect(parseDataUri("data:image/svg+xml;charset=utf-8;base64,PHN2Zz4=")).toEqual({
      mediaType: "image/svg+xml",
      base64: "PHN2Zz4=",
    });
    expect(parseDataUri("data:application/json;base64,e30=")).toEqual({
      mediaType: "application/json",
      base64: "e30=",
    });
  });

  it("reads nothing from a URL, a data URI that is not base64, or stray characters", () => {
    for (const text of [
      "https://x.test/a.png",
      "data:image/png,rawbytes",
      "data:image/png;base64,not*base64",
      "data:;base64,AAAA",
      "data:image/png;base64,",
    ]) {
      expect(parseDataUri(text), text).toBeUndefined();
    }
    expect(isDataUri("DATA:image/png,raw")).toBe(true);
    expect(isDataUri("https://x.test/data:")).toBe(false);
  });

  it("takes only images as inline images", () => {
    expect(IMAGE_DATA_URI.test("data:image/jpeg;base64,/9j/4AAQ")).toBe(true);
    expect(IMAGE_DATA_URI.test("data:text/plain;base64,SGVsbG8=")).toBe(false);
  });
});
