import "server-only";
import type { GuardedFetch } from "@/lib/http/public-fetch";
import type { SubmitLimiter } from "@/lib/security/rate-limit";
import { BoundedCache } from "@/lib/simulator/bounded-cache";
import type { CardProblemKind, WeightsCard } from "./card";
import { type FileToRead, type Lookup, lookUpWeights } from "./look-up";
import type { CardQuery } from "./query";
import { readSafetensorsHeader } from "./read-header";

export type CardServiceOptions = {
  fetch: GuardedFetch;
  hfOrigin: string;
  civitaiOrigin: string;
  limiter: SubmitLimiter;
  /** One request's bound, and the whole lookup's. */
  requestTimeoutMs?: number;
  lookupTimeoutMs?: number;
  now?: () => number;
};

export type CardAnswer =
  /** `lasting`: not a problem that may pass, so the browser may keep it a while. */
  { status: 200; card: WeightsCard; lasting: boolean } | { status: 429; retryAfterSeconds: number };

type Entry = { card: WeightsCard; file?: FileToRead; etag?: string; checkedAt: number; freshForMs: number };

/** A card stays as it is this long; after that, a file with an ETag is asked whether it changed. */
const FRESH_MS = 10 * 60_000;
/** Problems that may pass (a host down, slow, busy) are looked at again soon. */
const PASSING_MS = 30_000;
const PASSING: readonly CardProblemKind[] = ["unreachable", "timeout", "rate-limited"];
const isLasting = (card: WeightsCard) => !card.problem || !PASSING.includes(card.problem.kind);

/** Lookups at once: each may hold a header of up to 16 MiB. */
const CONCURRENT_LOOKUPS = 4;

/** A count of running lookups that makes the rest wait their turn. */
function gate(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/**
 * Cards by query: cached on the server (by path, and by the file's ETag once it is stale), one
 * lookup per query at a time, a few lookups at once, and each client's lookups rate-limited. A
 * cached card costs a client nothing; only lookups that reach out count against its limit.
 */
export function createCardService(options: CardServiceOptions) {
  const now = options.now ?? Date.now;
  const requestTimeoutMs = options.requestTimeoutMs ?? 8_000;
  const lookupTimeoutMs = options.lookupTimeoutMs ?? 15_000;
  const cache = new BoundedCache<string, Entry>({
    ttlMs: 24 * 60 * 60_000,
    maxEntries: 1000,
    maxWeight: 16 * 1024 * 1024,
    weigh: (entry) => JSON.stringify(entry.card).length,
    now,
  });
  const running = new Map<string, Promise<Entry>>();
  const turn = gate(CONCURRENT_LOOKUPS);

  const context = () => ({
    fetch: options.fetch,
    hfOrigin: options.hfOrigin,
    civitaiOrigin: options.civitaiOrigin,
    signal: AbortSignal.timeout(lookupTimeoutMs),
    timeoutMs: requestTimeoutMs,
  });

  function store(key: string, lookup: Lookup): Entry {
    const entry = { ...lookup, checkedAt: now(), freshForMs: isLasting(lookup.card) ? FRESH_MS : PASSING_MS };
    cache.set(key, entry);
    return entry;
  }

  /** A stale card whose file still has its ETag stays; anything else is looked up again. */
  async function refresh(key: string, query: CardQuery, stale: Entry | undefined): Promise<Entry> {
    if (stale?.etag && stale.file) {
      const checked = await readSafetensorsHeader(stale.file.url, options.fetch, {
        signal: AbortSignal.timeout(lookupTimeoutMs),
        timeoutMs: requestTimeoutMs,
        etag: stale.etag,
      }).catch(() => undefined);
      if (checked === "not-modified") {
        const entry = { ...stale, checkedAt: now() };
        cache.set(key, entry);
        return entry;
      }
    }
    return store(key, await lookUpWeights(query, context()));
  }

  return {
    async card(query: CardQuery, clientKey: string): Promise<CardAnswer> {
      const key = JSON.stringify([query.role, query.path, query.subfolder ?? "", query.weightName ?? ""]);
      const cached = cache.get(key);
      if (cached && now() - cached.checkedAt < cached.freshForMs)
        return { status: 200, card: cached.card, lasting: isLasting(cached.card) };
      let pending = running.get(key);
      if (!pending) {
        const decision = await options.limiter.consume(clientKey);
        if (!decision.ok) {
          return cached
            ? { status: 200, card: cached.card, lasting: false }
            : { status: 429, retryAfterSeconds: decision.retryAfterSeconds };
        }
        pending = turn(() => refresh(key, query, cached)).finally(() => running.delete(key));
        running.set(key, pending);
      }
      const entry = await pending;
      return { status: 200, card: entry.card, lasting: isLasting(entry.card) };
    },
  };
}

export type CardService = ReturnType<typeof createCardService>;
