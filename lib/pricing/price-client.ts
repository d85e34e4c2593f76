import { VISITOR_KEY_HEADER } from "@/lib/access/visitor-key";
import { readVisitorKey, subscribeVisitorKey } from "@/lib/access/visitor-key-store";
import { isKnown, type PriceQuote, readPriceQuote, type RunPrice, runPriceOf, unknownQuote } from "./quote";

/** The server route that asks fal for prices with the key in use; the key itself never comes back. */
export const PRICING_PATH = "/api/pricing";

/** As the server keeps them: an hour for a full answer, a minute for one with a gap. */
const KNOWN_FOR_MS = 60 * 60_000;
const GAP_FOR_MS = 60_000;

type Entry = { visitorKey: string; askedAt: number; quote?: PriceQuote; asking: Promise<PriceQuote> };

let entry: Entry | undefined;
const listeners = new Set<() => void>();

async function ask(visitorKey: string): Promise<PriceQuote> {
  try {
    const response = await fetch(PRICING_PATH, {
      headers: visitorKey ? { [VISITOR_KEY_HEADER]: visitorKey } : {},
      cache: "no-store",
    });
    const quote = readPriceQuote(await response.json().catch(() => undefined));
    return quote ?? unknownQuote(`the pricing route answered HTTP ${response.status}`);
  } catch {
    return unknownQuote("the pricing route could not be reached");
  }
}

function isFresh(current: Entry, visitorKey: string, now: number): boolean {
  if (current.visitorKey !== visitorKey) return false;
  if (!current.quote) return true;
  const complete = isKnown(current.quote.price) && isKnown(current.quote.estimate);
  return now - current.askedAt < (complete ? KNOWN_FOR_MS : GAP_FOR_MS);
}

/**
 * The price of a run for the key this tab uses now, asked once and kept as the server keeps it.
 * Nothing waits on it: a Run goes out whether or not this has answered. Never rejects.
 */
export function priceQuote(now = Date.now()): Promise<PriceQuote> {
  const visitorKey = readVisitorKey() ?? "";
  if (entry && isFresh(entry, visitorKey, now)) return entry.asking;
  const asked: Entry = {
    visitorKey,
    askedAt: now,
    asking: ask(visitorKey).then((quote) => {
      asked.quote = quote;
      if (entry === asked) listeners.forEach((listener) => listener());
      return quote;
    }),
  };
  entry = asked;
  return asked.asking;
}

/** The price to keep with a run that just completed. */
export async function currentRunPrice(): Promise<RunPrice> {
  return runPriceOf(await priceQuote());
}

/** The quote for this tab's key once it has come; undefined while it is asked. */
export function quoteSnapshot(): PriceQuote | undefined {
  return entry?.visitorKey === (readVisitorKey() ?? "") ? entry.quote : undefined;
}

/** For useSyncExternalStore; subscribing asks for the quote, and asks again when the visitor's key changes. */
export function subscribeQuote(listener: () => void): () => void {
  listeners.add(listener);
  const stopWatchingKey = subscribeVisitorKey(() => {
    void priceQuote();
    listener();
  });
  void priceQuote();
  return () => {
    listeners.delete(listener);
    stopWatchingKey();
  };
}
