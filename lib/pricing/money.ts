/*
 * Money without float artefacts: prices and billable units are read as exact decimals, products
 * are rounded once to integer micro-units of the currency, and sums add integers. 0.1 + 0.2 is
 * never 0.30000000000000004 here.
 */

/** A non-negative decimal as an exact integer and a power of ten: `digits / 10^scale`. */
type Decimal = { digits: bigint; scale: number };

const DECIMAL = /^(\d{1,30})(?:\.(\d{1,30}))?(?:[eE]([+-]?\d{1,3}))?$/;
const MICRO_DIGITS = 6;
const MICROS = 1_000_000;

function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match) return undefined;
  const [, whole = "", fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > 40) return undefined;
  const scale = fraction.length - exponent;
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/**
 * A non-negative amount as a plain decimal string ("0.00111"), from fal's JSON number or text
 * ("1.1e-3" too); undefined for anything else. A JSON number prints as the literal fal wrote.
 */
export function toDecimalString(value: unknown): string | undefined {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  if (typeof text !== "string") return undefined;
  const decimal = parseDecimal(text);
  if (!decimal) return undefined;
  const padded = decimal.digits.toString().padStart(decimal.scale + 1, "0");
  const whole = padded.slice(0, padded.length - decimal.scale);
  const fraction = padded.slice(padded.length - decimal.scale).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}

/** `digits / 10^scale` in micro-units, rounded half up. */
function toMicros({ digits, scale }: Decimal): number | undefined {
  const shift = scale - MICRO_DIGITS;
  const micros =
    shift <= 0 ? digits * 10n ** BigInt(-shift) : (digits + 5n * 10n ** BigInt(shift - 1)) / 10n ** BigInt(shift);
  return micros <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(micros) : undefined;
}

/** A decimal amount ("0.0028") in integer micro-units (2800); undefined when it is not one. */
export function microsOf(amount: string): number | undefined {
  const decimal = parseDecimal(amount);
  return decimal && toMicros(decimal);
}

/** `quantity × unitPrice`, both exact decimals, in micro-units rounded once at the end. */
export function productMicros(quantity: string, unitPrice: string): number | undefined {
  const a = parseDecimal(quantity);
  const b = parseDecimal(unitPrice);
  if (!a || !b) return undefined;
  return toMicros({ digits: a.digits * b.digits, scale: a.scale + b.scale });
}

/** How many decimals an amount shows: at least 2, and 2 significant digits below a dime (at most 6). */
function shownDecimals(micros: number): number {
  let decimals = 2;
  while (decimals < MICRO_DIGITS && micros > 0 && micros < 10 ** (MICRO_DIGITS - decimals + 1)) decimals++;
  return decimals;
}

/**
 * The symbols of the currencies fal is likely to price in, written before the amount as en-US does.
 * Built by hand: a browser's first `Intl.NumberFormat` for a currency loads its locale data, a
 * 40 ms task on a desktop and several times that on a phone, in the middle of the page's start.
 */
const SYMBOLS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£" };

let otherFormats: Map<string, Intl.NumberFormat | null> | undefined;

function otherCurrencyFormat(currency: string, decimals: number): Intl.NumberFormat | null {
  otherFormats ??= new Map();
  const key = `${currency}:${decimals}`;
  if (!otherFormats.has(key)) {
    let format: Intl.NumberFormat | null = null;
    try {
      format = new Intl.NumberFormat("en-US", {
        style: "currency",
        currency,
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      });
    } catch {
      // Not a currency this browser knows: the code is written after the amount instead.
    }
    otherFormats.set(key, format);
  }
  return otherFormats.get(key) ?? null;
}

/** "1234567.5" with at least `decimals` decimals and en-US grouping: "1,234,567.50". */
function grouped(amount: string, decimals: number): string {
  const [whole = "0", fraction = ""] = amount.split(".");
  const groups = whole.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+$)/g, ",");
  return `${groups}.${fraction.padEnd(decimals, "0")}`;
}

/**
 * An amount in fal's currency at a precision that means something: "$12.30", "$0.18", "$0.015",
 * "$0.0028", "$0.00067". Rounded half up from micro-units; trailing zeros past the cents go.
 */
export function formatMoney(micros: number, currency: string): string {
  const decimals = shownDecimals(micros);
  const step = 10 ** (MICRO_DIGITS - decimals);
  const rounded = Math.floor((micros + step / 2) / step);
  const whole = Math.floor(rounded / 10 ** decimals);
  const fraction = String(rounded % 10 ** decimals)
    .padStart(decimals, "0")
    .replace(/(\d\d\d*?)0+$/, "$1");
  return formatPrice(`${whole}.${fraction}`, currency);
}

/** A price exactly as fal gave it ("$0.00111"), with at least the currency's cents. */
export function formatPrice(amount: string, currency: string): string {
  const decimals = Math.max(2, amount.split(".")[1]?.length ?? 0);
  const symbol = SYMBOLS[currency];
  if (symbol) return `${symbol}${grouped(amount, decimals)}`;
  const format = otherCurrencyFormat(currency, decimals);
  return format ? format.format(amount as Intl.StringNumericLiteral) : `${amount} ${currency}`;
}

/** What a visitor typed as an amount ("1", "$2.50", "0,75"), in micro-units; undefined when it is not one. */
export function readAmount(text: string): number | undefined {
  const bare = text.trim().replace(/^[$€£]\s*/, "");
  const cleaned = /^\d+,\d{1,2}$/.test(bare) ? bare.replace(",", ".") : bare.replaceAll(",", "");
  return cleaned ? microsOf(cleaned) : undefined;
}

/** Micro-units as a plain decimal string ("0.0028"), for storing what the visitor set. */
export function microsToDecimal(micros: number): string {
  return (
    toDecimalString(`${Math.floor(micros / MICROS)}.${String(micros % MICROS).padStart(MICRO_DIGITS, "0")}`) ?? "0"
  );
}
