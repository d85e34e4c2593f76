import { describe, expect, it } from "vitest";
import { isPerSecond, readPriceQuote, unitName } from "./quote";

describe("readPriceQuote", () => {
  it("reads the pricing route's answer, amounts as exact decimals", () => {
    expect(
      readPriceQuote({
        simulated: false,
        price: { unitPrice: 0.00111, unit: "compute_seconds", currency: "usd" },
        estimate: { perRun: "0.0042", currency: "USD" },
      }),
    ).toEqual({
      simulated: false,
      price: { unitPrice: "0.00111", unit: "compute_seconds", currency: "USD" },
      estimate: { perRun: "0.0042", currency: "USD" },
    });
  });

  it("passes a reason on, and turns what it cannot read into one", () => {
    expect(
      readPriceQuote({ simulated: true, price: { unknown: "HTTP 403" }, estimate: { perRun: -1, currency: "USD" } }),
    ).toEqual({
      simulated: true,
      price: { unknown: "HTTP 403" },
      estimate: { unknown: "the page could not read the estimate" },
    });
    expect(readPriceQuote({ detail: "Sign in to this playground first." })).toBeUndefined();
    expect(readPriceQuote(null)).toBeUndefined();
  });
});

describe("units", () => {
  it("tells units of compute time from the rest", () => {
    for (const unit of ["compute_seconds", "second", "seconds", "GPU seconds", "compute-second", "sec"])
      expect(isPerSecond(unit)).toBe(true);
    for (const unit of ["image", "megapixels", "video", "1000 characters", "seconds of video"])
      expect(isPerSecond(unit)).toBe(false);
    expect(unitName("compute_seconds")).toBe("compute second");
  });
});
