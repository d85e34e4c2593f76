import type { RunCards, WeightsCard } from "./card";
import { type CardQuery, cardUrl } from "./query";

/*
 * The page's cards, asked of /api/lora-info once per query and kept for the session (the browser's
 * HTTP cache keeps the answers across reloads for as long as the route allows). React reads them
 * with useSyncExternalStore.
 */

/** `retryAt`: a card saying a host could not be reached is asked for again from then on. */
export type CardState = { status: "loading" } | { status: "ready"; card: WeightsCard; retryAt?: number };

const entries = new Map<string, CardState>();
const asking = new Set<string>();
const listeners = new Set<() => void>();
/** How soon a card that says a host could not be reached is asked for again. */
const RETRY_MS = 15_000;

function notify(): void {
  for (const listener of listeners) listener();
}

function problemCard(query: CardQuery, kind: "unreachable" | "rate-limited", message: string): WeightsCard {
  return {
    path: query.path.trim(),
    role: query.role,
    source: "url",
    triggerWords: [],
    notes: [],
    problem: { kind, message },
  };
}

async function load(query: CardQuery, key: string): Promise<void> {
  let entry: CardState;
  try {
    const response = await fetch(key, { headers: { accept: "application/json" } });
    if (response.status === 429) {
      const wait = Number(response.headers.get("retry-after") ?? "") || 10;
      const card = problemCard(query, "rate-limited", `Too many lookups at once; looking again in ${wait} s.`);
      entry = { status: "ready", card, retryAt: Date.now() + wait * 1000 };
    } else if (!response.ok) {
      const detail = ((await response.json().catch(() => ({}))) as { detail?: unknown }).detail;
      const card = problemCard(
        query,
        "unreachable",
        typeof detail === "string" ? detail : `The lookup failed (HTTP ${response.status}).`,
      );
      entry = { status: "ready", card, retryAt: Date.now() + RETRY_MS };
    } else {
      const card = (await response.json()) as WeightsCard;
      const passing = card.problem && ["unreachable", "timeout", "rate-limited"].includes(card.problem.kind);
      entry = { status: "ready", card, retryAt: passing ? Date.now() + RETRY_MS : undefined };
    }
  } catch {
    const card = problemCard(query, "unreachable", "Could not reach the playground's server to look this up.");
    entry = { status: "ready", card, retryAt: Date.now() + RETRY_MS };
  }
  entries.set(key, entry);
  notify();
}

/** Asks for a query's card unless it is in hand or being asked for; a passing problem is asked again once due. */
export function requestCard(query: CardQuery): void {
  const key = cardUrl(query);
  const entry = entries.get(key);
  if (asking.has(key) || (entry?.status === "ready" && (entry.retryAt === undefined || entry.retryAt > Date.now())))
    return;
  asking.add(key);
  if (!entry) {
    entries.set(key, { status: "loading" });
    notify();
  }
  void load(query, key).finally(() => asking.delete(key));
}

export function cardState(query: CardQuery): CardState | undefined {
  return entries.get(cardUrl(query));
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readyCard(query: CardQuery): WeightsCard | undefined {
  const state = cardState(query);
  return state?.status === "ready" ? state.card : undefined;
}

/** The cards in hand for a run's model and LoRAs, to keep with it in history. */
export function runCards(input: { model_name: string; loras?: { path: string }[] }): RunCards | undefined {
  const model = readyCard({ path: input.model_name, role: "model" });
  const loras = (input.loras ?? []).map((lora) => readyCard({ path: lora.path, role: "lora" }) ?? null);
  return model || loras.some(Boolean) ? { model, loras } : undefined;
}
