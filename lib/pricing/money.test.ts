import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatMoney,
  formatPrice,
  microsOf,
  microsToDecimal,
  productMicros,
  readAmount,
  toDecimalString,
} from "./money";

describe("money", () => {
  it("reads fal's numbers and texts as exact decimals, and nothing else", () => {
    expect(toDecimalString(0.00111)).toBe("0.00111");
    expect(toDecimalString(1.1e-7)).toBe("0.00000011");
    expect(toDecimalString("2.50")).toBe("2.5");
    expect(toDecimalString("3")).toBe("3");
    expect(toDecimalString("1.5E+3")).toBe("1500");
    expect(toDecimalString(" 0.25 ")).toBe("0.25");
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, "-0.1", "abc", "", "1.2.3", "0x10", null, {}])
      expect(toDecimalString(bad)).toBeUndefined();
  });

  it("multiplies units by a price exactly and rounds once, to micro-units", () => {
    expect(productMicros("2.5", "0.00111")).toBe(2775);
    expect(productMicros("0.634", "0.00111")).toBe(704); // 703.74
    expect(productMicros("0.1", "0.2")).toBe(20_000); // never 0.020000000000000004
    expect(productMicros("1", "0.0000005")).toBe(1); // half a micro rounds up
    expect(productMicros("1", "0.0000004")).toBe(0);
    expect(productMicros("x", "1")).toBeUndefined();
    expect(microsOf("0.18")).toBe(180_000);
    expect(microsOf("1e40")).toBeUndefined();
  });

  it("adds in integers: ten runs at $0.1 make $1.00, not $0.9999999999999999", () => {
    const micros = Array.from({ length: 10 }, () => microsOf("0.1") ?? 0).reduce((sum, each) => sum + each, 0);
    expect(formatMoney(micros, "USD")).toBe("$1.00");
  });

  it("shows an amount at a precision that means something", () => {
    expect(formatMoney(0, "USD")).toBe("$0.00");
    expect(formatMoney(12_300_000, "USD")).toBe("$12.30");
    expect(formatMoney(180_000, "USD")).toBe("$0.18");
    expect(formatMoney(15_000, "USD")).toBe("$0.015");
    expect(formatMoney(50_000, "USD")).toBe("$0.05");
    expect(formatMoney(2_800, "USD")).toBe("$0.0028");
    expect(formatMoney(2_775, "USD")).toBe("$0.0028");
    expect(formatMoney(666, "USD")).toBe("$0.00067");
    expect(formatMoney(5, "USD")).toBe("$0.000005");
    expect(formatMoney(1_234_567_890_000, "USD")).toBe("$1,234,567.89");
    expect(formatMoney(2_800, "EUR")).toBe("€0.0028");
    expect(formatMoney(2_800, "XYZ")).toMatch(/0\.0028/);
  });

  it("never shows a float artefact, whatever the amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (micros) => {
        const text = formatMoney(micros, "USD");
        expect(text).toMatch(/^\$[\d,]+\.\d{2,6}$/);
        expect(text).not.toMatch(/0000000|9999999/);
      }),
    );
  });

  it("writes dollars, euros and pounds as en-US's own currency format does, without asking Intl", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("USD", "EUR", "GBP"),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 6 }),
        (currency, digits, scale) => {
          const text = digits.toString().padStart(scale + 1, "0");
          const amount = scale ? `${text.slice(0, -scale)}.${text.slice(-scale)}` : text;
          const decimals = Math.max(2, scale);
          const intl = new Intl.NumberFormat("en-US", {
            style: "currency",
            currency,
            minimumFractionDigits: decimals,
            maximumFractionDigits: decimals,
          });
          expect(formatPrice(amount, currency)).toBe(intl.format(amount as Intl.StringNumericLiteral));
        },
      ),
    );
  });

  it("shows a unit price exactly as fal gave it", () => {
    expect(formatPrice("0.00111", "USD")).toBe("$0.00111");
    expect(formatPrice("2", "USD")).toBe("$2.00");
  });

  it("reads what a visitor types as a budget", () => {
    expect(readAmount("1")).toBe(1_000_000);
    expect(readAmount("$2.50")).toBe(2_500_000);
    expect(readAmount("0,75")).toBe(750_000);
    expect(readAmount("1,000")).toBe(1_000_000_000);
    expect(readAmount("")).toBeUndefined();
    expect(readAmount("lots")).toBeUndefined();
    expect(readAmount("-1")).toBeUndefined();
    expect(microsToDecimal(2_500_000)).toBe("2.5");
    expect(microsToDecimal(1_000_000)).toBe("1");
  });
});
