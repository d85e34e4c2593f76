import { isRecord } from "@/lib/json/is-record";
import { toDecimalString } from "./money";

/** fal's price of one billing unit of the endpoint for the key in use (docs/fal.md#pricing); amounts are decimals. */
export type UnitPrice = { unitPrice: string; unit: string; currency: string };

/** Why a price is not known; the page says "price unknown" and gives this as the reason. */
export type Unknown = { unknown: string };

/** fal's estimate of what one run costs (its estimate API, from historical prices). */
export type RunEstimate = { perRun: string; currency: string };

/** What `GET /api/pricing` answers: never the key, and "unknown" with a reason wherever fal said nothing usable. */
export type PriceQuote = {
  /** The simulator's stand-in price, not fal's. */
  simulated: boolean;
  price: UnitPrice | Unknown;
  estimate: RunEstimate | Unknown;
};

/** The price a finished run was priced at, kept with it in history. */
export type RunPrice = (UnitPrice & { simulated: boolean }) | Unknown;

export function isKnown<T extends object>(value: T | Unknown): value is T {
  return !("unknown" in value);
}

/** ISO 4217 codes are three letters. */
export function readCurrency(value: unknown): string | undefined {
  return typeof value === "string" && /^[A-Za-z]{3}$/.test(value) ? value.toUpperCase() : undefined;
}

function readUnknown(value: Record<string, unknown>): Unknown | undefined {
  return typeof value.unknown === "string" ? { unknown: value.unknown } : undefined;
}

function readUnitPrice(value: unknown): UnitPrice | Unknown {
  if (!isRecord(value)) return { unknown: "the page could not read the price" };
  const unitPrice = toDecimalString(value.unitPrice);
  const currency = readCurrency(value.currency);
  if (unitPrice && currency && typeof value.unit === "string" && value.unit)
    return { unitPrice, unit: value.unit, currency };
  return readUnknown(value) ?? { unknown: "the page could not read the price" };
}

function readEstimate(value: unknown): RunEstimate | Unknown {
  if (!isRecord(value)) return { unknown: "the page could not read the estimate" };
  const perRun = toDecimalString(value.perRun);
  const currency = readCurrency(value.currency);
  if (perRun && currency) return { perRun, currency };
  return readUnknown(value) ?? { unknown: "the page could not read the estimate" };
}

/** The pricing route's answer as the browser reads it; undefined when it is not one. */
export function readPriceQuote(value: unknown): PriceQuote | undefined {
  if (!isRecord(value) || typeof value.simulated !== "boolean") return undefined;
  return { simulated: value.simulated, price: readUnitPrice(value.price), estimate: readEstimate(value.estimate) };
}

/** A quote for when the pricing route itself could not be asked or read. */
export function unknownQuote(reason: string): PriceQuote {
  return { simulated: false, price: { unknown: reason }, estimate: { unknown: reason } };
}

/** The price to keep with a run that finished now. */
export function runPriceOf(quote: PriceQuote): RunPrice {
  return isKnown(quote.price) ? { ...quote.price, simulated: quote.simulated } : quote.price;
}

/** "compute_seconds" → "compute second", for "$0.00111 per compute second". */
export function unitName(unit: string): string {
  return unit.replaceAll("_", " ").replace(/s$/, "");
}

/**
 * Units of compute time, whose count the run's inference time gives when fal sends no billable
 * units. Any other unit (images, megapixels …) is not guessed.
 */
export function isPerSecond(unit: string): boolean {
  return /^((compute|gpu|inference)[ _-]?)?sec(ond)?s?$/i.test(unit.trim());
}
