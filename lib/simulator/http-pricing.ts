import "server-only";
import { inputDefaults } from "@/lib/fal/defaults";
import { ENDPOINT_ID } from "@/lib/fal/endpoint";
import { isRecord } from "@/lib/json/is-record";
import { productMicros, toDecimalString } from "@/lib/pricing/money";
import { json, readJson, type RouteHandler } from "./http-util";

/**
 * fal's Platform API for prices (docs/fal.md#pricing), answered with a stand-in: this endpoint is
 * billed per compute second, and the simulator charges a made-up rate of that kind. The page
 * marks whatever comes from here as simulated.
 */
export const SIMULATED_PRICE = { unit_price: 0.00111, unit: "compute_seconds", currency: "USD" } as const;

const MAX_ENDPOINT_IDS = 50;
const MAX_ESTIMATE_BYTES = 64 * 1024;

function refusal(loc: (string | number)[], msg: string): Response {
  return json({ detail: [{ loc, msg, type: "value_error" }] }, 422);
}

/** `?endpoint_id=a,b` or `?endpoint_id=a&endpoint_id=b`; only this endpoint has a price here. */
export const modelPricing: RouteHandler = ({ url }) => {
  const ids = url.searchParams
    .getAll("endpoint_id")
    .flatMap((value) => value.split(","))
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0 || ids.length > MAX_ENDPOINT_IDS)
    return refusal(["query", "endpoint_id"], `Give 1 to ${MAX_ENDPOINT_IDS} endpoint ids.`);
  const prices = [...new Set(ids)]
    .filter((id) => id === ENDPOINT_ID)
    .map((id) => ({ endpoint_id: id, ...SIMULATED_PRICE }));
  return json({ prices, next_cursor: null, has_more: false });
};

/** What one call costs by "historical" price: a default run's steps at the simulator's step time. */
function perCallMicros(stepMs: number): number {
  const seconds = toDecimalString((inputDefaults.num_inference_steps * stepMs) / 1000) ?? "0";
  return productMicros(seconds, String(SIMULATED_PRICE.unit_price)) ?? 0;
}

type EstimateType = "historical_api_price" | "unit_price";

/** Micro-units for one endpoint's quantities, or the refusal of them. */
function endpointMicros(type: EstimateType, id: string, quantities: unknown, stepMs: number): number | Response {
  const field = type === "historical_api_price" ? "call_quantity" : "unit_quantity";
  const quantity = isRecord(quantities) ? quantities[field] : undefined;
  const valid =
    typeof quantity === "number" &&
    quantity >= 0 &&
    quantity <= 1_000_000 &&
    (type === "unit_price" ? Number.isFinite(quantity) : Number.isSafeInteger(quantity));
  if (!valid) return refusal(["body", "endpoints", id, field], `${field} must be a number from 0 to 1000000.`);
  if (id !== ENDPOINT_ID) return json({ detail: `No pricing for endpoint ${id}.` }, 404);
  if (type === "historical_api_price") return quantity * perCallMicros(stepMs);
  return productMicros(toDecimalString(quantity) ?? "0", String(SIMULATED_PRICE.unit_price)) ?? 0;
}

/** `{estimate_type, endpoints: {<id>: {call_quantity | unit_quantity}}}` → `{estimate_type, total_cost, currency}`. */
export const pricingEstimate: RouteHandler = async ({ request, simulator }) => {
  const body = await readJson(request, MAX_ESTIMATE_BYTES);
  if (!body.ok) return body.response;
  const { estimate_type: type, endpoints } = isRecord(body.value) ? body.value : {};
  if (type !== "historical_api_price" && type !== "unit_price")
    return refusal(["body", "estimate_type"], "estimate_type must be historical_api_price or unit_price.");
  if (!isRecord(endpoints) || Object.keys(endpoints).length === 0)
    return refusal(["body", "endpoints"], "endpoints must map endpoint ids to quantities.");
  let micros = 0;
  for (const [id, quantities] of Object.entries(endpoints)) {
    const answer = endpointMicros(type, id, quantities, simulator.stepMs);
    if (answer instanceof Response) return answer;
    micros += answer;
  }
  return json({ estimate_type: type, total_cost: micros / 1_000_000, currency: SIMULATED_PRICE.currency });
};
