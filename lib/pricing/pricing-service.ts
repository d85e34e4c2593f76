import "server-only";
import { createHash } from "node:crypto";
import { serverEnv, type ServerEnv } from "@/lib/env";
import { type InProcessSimulator, redirectedUrl, type Upstream } from "@/lib/proxy/upstream";
import { chooseUpstream } from "@/lib/proxy/upstream-choice";
import { fetchRunEstimate, fetchUnitPrice, type PlatformCall } from "./fal-pricing";
import { isKnown, type PriceQuote, unknownQuote } from "./quote";

/** fal's prices change rarely: an answer is kept an hour per key, one with a gap a minute (a lapse heals). */
export const PRICE_TTL_MS = 60 * 60_000;
export const FAILED_PRICE_TTL_MS = 60_000;
/** Keys remembered at most; the oldest go first. */
const MAX_KEYS = 1_000;
const CALL_TIMEOUT_MS = 5_000;

/** `simulator` answers in-process hops; `fetch` reaches fal (or a stand-in of it). */
export type PricingDependencies = {
  env: ServerEnv;
  simulator?: InProcessSimulator;
  fetch?: typeof fetch;
  now?: () => number;
};

/** Loaded on first use, as the proxy loads it: fal mode never loads the simulator. */
const embeddedSimulator: InProcessSimulator = async (request) =>
  (await import("@/lib/simulator/http")).handleSimulatorRequest(request);

/**
 * Calls addressed to fal's Platform API go where the proxy's would: to fal with the key in use, to
 * a stand-in of fal (tests), or to the simulator with the hop's key, in-process when it is this one.
 */
function platformCall(upstream: Upstream, dependencies: PricingDependencies): PlatformCall {
  return (url, { method, body }) => {
    const headers: Record<string, string> = { authorization: upstream.authorization, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    const redirect = upstream.redirect;
    if (redirect && !redirect.origin) {
      const inProcess = redirectedUrl(new URL(url), "http://127.0.0.1", redirect.basePath);
      return (dependencies.simulator ?? embeddedSimulator)(new Request(inProcess, { method, headers, body }));
    }
    const target = redirect?.origin ? redirectedUrl(new URL(url), redirect.origin, redirect.basePath) : url;
    const signal = AbortSignal.timeout(CALL_TIMEOUT_MS);
    return (dependencies.fetch ?? fetch)(target, { method, headers, body, signal, redirect: "error" });
  };
}

async function askForQuote(upstream: Upstream, dependencies: PricingDependencies): Promise<PriceQuote> {
  const call = platformCall(upstream, dependencies);
  const [price, estimate] = await Promise.all([fetchUnitPrice(call), fetchRunEstimate(call)]);
  return { simulated: upstream.mode === "simulator", price, estimate };
}

type Entry = { quote: Promise<PriceQuote>; expiresAt: number };

/**
 * The price of a run for the key in use: the visitor's own (the header the page sends to this
 * server only) or FAL_KEY; the simulator's stand-in in simulator mode. Answers are kept per key
 * (a hash of it), and one question per key is in flight at a time. Never throws, never says the key.
 */
export function createPricingService(dependencies: () => PricingDependencies = () => ({ env: serverEnv() })) {
  let resolved: PricingDependencies | undefined;
  const entries = new Map<string, Entry>();
  return async function priceQuote(headers: Headers): Promise<PriceQuote> {
    resolved ??= dependencies();
    const given = resolved;
    const now = given.now ?? Date.now;
    const choice = chooseUpstream(given.env, headers);
    if (!choice.ok) return unknownQuote(choice.detail);
    const key = createHash("sha256").update(choice.upstream.authorization).digest("base64url");
    const kept = entries.get(key);
    if (kept && kept.expiresAt > now()) return kept.quote;

    entries.delete(key);
    const entry: Entry = { quote: askForQuote(choice.upstream, given), expiresAt: Number.POSITIVE_INFINITY };
    entries.set(key, entry);
    for (const oldest of entries.keys()) {
      if (entries.size <= MAX_KEYS) break;
      entries.delete(oldest);
    }
    const quote = await entry.quote;
    const complete = isKnown(quote.price) && isKnown(quote.estimate);
    entry.expiresAt = now() + (complete ? PRICE_TTL_MS : FAILED_PRICE_TTL_MS);
    return quote;
  };
}
