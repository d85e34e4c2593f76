/**
 * Pacing a sweep's submits within the proxy's limit (RATE_LIMIT_SUBMITS_PER_MINUTE per client,
 * a fixed 60 s window in rate-limiter-flexible). The budget holds every submit the page made in
 * the last window; at most `perMinute - reserve` fit in any window, so they fit in the proxy's
 * whenever it started, and the reserve leaves the user's own Run button working meanwhile.
 * Should a 429 come anyway (another tab, another instance), its Retry-After pauses the whole sweep
 * and the same run is tried again: a grid never ends half failed by the limit.
 */

import { sleep } from "@/lib/async/sleep";
import { RateLimitedError } from "@/lib/runs/rate-limited";

export const WINDOW_MS = 60_000;
/** Submits are timed when their answer arrives, after the proxy counted them; this covers clock steps. */
const MARGIN_MS = 250;
const MAX_RATE_LIMITED_TRIES = 5;

/**
 * The server's submit limit as the page is told it: `perMinute` submits in each window of
 * `windowMs`, a minute unless a test server shortened it (RATE_LIMIT_WINDOW_SECONDS).
 */
export type SubmitLimit = { perMinute: number; windowMs?: number };

export type SubmitBudgetOptions = SubmitLimit & {
  /** Submits per window kept free for the user's own runs; a tenth of the limit unless given. */
  reserve?: number;
};

export class SubmitBudget {
  private readonly times: number[] = [];
  private pausedUntil = 0;
  readonly allowed: number;
  readonly windowMs: number;

  constructor({ perMinute, windowMs = WINDOW_MS, reserve = Math.floor(perMinute / 10) }: SubmitBudgetOptions) {
    this.allowed = Math.max(1, perMinute - Math.max(0, reserve));
    this.windowMs = windowMs;
  }

  /** A submit the proxy counted, the sweep's or any other run of this page. */
  record(now: number): void {
    this.times.push(now);
    this.times.sort((a, b) => a - b);
  }

  /** After a 429: nothing is sent before `time`. */
  pauseUntil(time: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, time);
  }

  /** A copy that can be spent without touching this one (for an estimate). */
  copy(): SubmitBudget {
    const copy = new SubmitBudget({ perMinute: this.allowed, windowMs: this.windowMs, reserve: 0 });
    copy.times.push(...this.times);
    copy.pausedUntil = this.pausedUntil;
    return copy;
  }

  /** How long to wait before the next submit fits (0: now). */
  waitMs(now: number): number {
    while (this.times.length > 0 && (this.times[0] ?? 0) + this.windowMs + MARGIN_MS <= now) this.times.shift();
    const paused = Math.max(0, this.pausedUntil - now);
    if (this.times.length < this.allowed) return paused;
    const leaving = this.times[this.times.length - this.allowed] ?? now;
    return Math.max(paused, leaving + this.windowMs + MARGIN_MS - now);
  }
}

export type PacedOutcome<Result> =
  { status: "submitted"; result: Result } | { status: "failed"; error: unknown } | { status: "cancelled" };

export type PacingEvent =
  | { kind: "waiting"; index: number; ms: number; reason: "budget" | "retry-after" }
  | { kind: "submitted"; index: number }
  | { kind: "failed"; index: number; error: unknown };

export type PacingOptions = {
  budget: SubmitBudget;
  signal?: AbortSignal;
  onEvent?: (event: PacingEvent) => void;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
};

/**
 * Submits the items one after another within the budget. A refused item (429) is tried again
 * after Retry-After; any other failure is that item's alone and the rest go on. Cancelling
 * (the signal) stops before the next submit; the outcomes keep their order.
 */
export async function runPaced<Item, Result>(
  items: readonly Item[],
  submit: (item: Item, index: number) => Promise<Result>,
  { budget, signal, onEvent, now = Date.now, sleep: wait = sleep }: PacingOptions,
): Promise<PacedOutcome<Result>[]> {
  const outcomes: PacedOutcome<Result>[] = items.map(() => ({ status: "cancelled" }));
  for (const [index, item] of items.entries()) {
    let refusals = 0;
    for (;;) {
      const ms = budget.waitMs(now());
      if (ms > 0) {
        onEvent?.({ kind: "waiting", index, ms, reason: refusals > 0 ? "retry-after" : "budget" });
        await wait(ms, signal);
      }
      if (signal?.aborted) return outcomes;
      try {
        const result = await submit(item, index);
        budget.record(now());
        outcomes[index] = { status: "submitted", result };
        onEvent?.({ kind: "submitted", index });
      } catch (error) {
        if (error instanceof RateLimitedError && refusals + 1 < MAX_RATE_LIMITED_TRIES) {
          refusals += 1;
          // Without a Retry-After, a 429 waits out a whole window.
          budget.pauseUntil(now() + (error.retryAfterMs ?? budget.windowMs));
          continue;
        }
        // The proxy counted it all the same (the client's own retries of a 5xx count too, unseen here).
        budget.record(now());
        outcomes[index] = { status: "failed", error };
        onEvent?.({ kind: "failed", index, error });
      }
      break;
    }
  }
  return outcomes;
}

/**
 * For the confirmation: how many runs start at once and how long submitting all of them takes,
 * from an empty budget or from the page's own (what it already sent this minute counts).
 */
export function estimatePacing(
  count: number,
  from: SubmitBudgetOptions | SubmitBudget,
  now = 0,
): { startNow: number; totalMs: number } {
  const budget = from instanceof SubmitBudget ? from.copy() : new SubmitBudget(from);
  let time = now;
  let startNow = 0;
  for (let index = 0; index < count; index += 1) {
    time += budget.waitMs(time);
    if (time === now) startNow += 1;
    budget.record(time);
  }
  return { startNow, totalMs: time - now };
}
