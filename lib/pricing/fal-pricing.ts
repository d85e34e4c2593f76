import "server-only";
import { ENDPOINT_ID, PRICING_ESTIMATE_URL, PRICING_URL } from "@/lib/fal/endpoint";
import { readLimited } from "@/lib/http/read-limited";
import { isRecord } from "@/lib/json/is-record";
import { toDecimalString } from "./money";
import { readCurrency, type RunEstimate, type UnitPrice, type Unknown } from "./quote";

/** One call to fal's Platform API (or what stands in for it), addressed by fal's own URL. */
export type PlatformCall = (url: string, init: { method: "GET" | "POST"; body?: string }) => Promise<Response>;

const MAX_ANSWER_BYTES = 64 * 1024;

/** Why fal gave no usable answer, in the page's words (never fal's body: it could echo the key). */
function refusedBecause(status: number, what: string): Unknown {
  if (status === 401) return { unknown: `fal did not accept the key for ${what} (HTTP 401)` };
  if (status === 403)
    return { unknown: `the key may not read ${what}: fal answered 403 (it lacks the scope these Platform APIs need)` };
  if (status === 429) return { unknown: `fal is limiting calls for ${what} (HTTP 429); it is asked again later` };
  return { unknown: `fal answered HTTP ${status} for ${what}` };
}

/** fal's JSON answer, or why there is none. */
async function askFal(
  call: PlatformCall,
  url: string,
  body: unknown,
  what: string,
): Promise<{ answer: unknown } | Unknown> {
  let response: Response;
  try {
    response = await call(url, body === undefined ? { method: "GET" } : { method: "POST", body: JSON.stringify(body) });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return { unknown: timedOut ? `fal did not answer in time for ${what}` : `fal could not be reached for ${what}` };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return refusedBecause(response.status, what);
  }
  const bytes = await readLimited(response.body, MAX_ANSWER_BYTES).catch(() => null);
  try {
    return { answer: bytes && JSON.parse(bytes.toString("utf8")) };
  } catch {
    return { answer: undefined };
  }
}

/** `{prices: [{endpoint_id, unit_price, unit, currency}], …}`: this endpoint's entry, read liberally. */
function readPricing(answer: unknown): UnitPrice | Unknown {
  const prices = isRecord(answer) && Array.isArray(answer.prices) ? answer.prices : undefined;
  if (!prices) return { unknown: "fal's price list could not be read" };
  const entry = prices.find((price) => isRecord(price) && price.endpoint_id === ENDPOINT_ID);
  if (!isRecord(entry)) return { unknown: `fal lists no price for ${ENDPOINT_ID}` };
  const unitPrice = toDecimalString(entry.unit_price);
  const currency = readCurrency(entry.currency);
  const unit = typeof entry.unit === "string" ? entry.unit.trim() : "";
  if (unitPrice === undefined || currency === undefined) return { unknown: "fal's price could not be read" };
  if (!unit) return { unknown: "fal gave the price without its unit" };
  return { unitPrice, unit, currency };
}

/** `{estimate_type, total_cost, currency}` of one call. */
function readEstimate(answer: unknown): RunEstimate | Unknown {
  const perRun = isRecord(answer) ? toDecimalString(answer.total_cost) : undefined;
  const currency = isRecord(answer) ? readCurrency(answer.currency) : undefined;
  return perRun && currency ? { perRun, currency } : { unknown: "fal's estimate could not be read" };
}

/** This endpoint's unit price for the key the call carries. */
export async function fetchUnitPrice(call: PlatformCall): Promise<UnitPrice | Unknown> {
  const asked = await askFal(call, PRICING_URL, undefined, "prices");
  return "answer" in asked ? readPricing(asked.answer) : asked;
}

/** fal's estimate of one call, from historical prices ("historical_api_price"). */
export async function fetchRunEstimate(call: PlatformCall): Promise<RunEstimate | Unknown> {
  const body = { estimate_type: "historical_api_price", endpoints: { [ENDPOINT_ID]: { call_quantity: 1 } } };
  const asked = await askFal(call, PRICING_ESTIMATE_URL, body, "estimates");
  return "answer" in asked ? readEstimate(asked.answer) : asked;
}
