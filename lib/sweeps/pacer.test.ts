import { describe, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/runs/rate-limited";
import { estimatePacing, runPaced, SubmitBudget, WINDOW_MS } from "./pacer";

/** A clock that only moves when the pacer sleeps. */
function fakeClock(start = 0) {
  let time = start;
  return {
    now: () => time,
    sleep: async (ms: number) => {
      time += ms;
    },
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/** The proxy's limiter as rate-limiter-flexible keeps it: a fixed 60 s window from the first submit. */
function fixedWindowProxy(points: number) {
  let windowStart: number | undefined;
  let used = 0;
  return (now: number): { ok: true } | { ok: false; retryAfterMs: number } => {
    if (windowStart === undefined || now >= windowStart + WINDOW_MS) {
      windowStart = now;
      used = 0;
    }
    used += 1;
    return used <= points ? { ok: true } : { ok: false, retryAfterMs: windowStart + WINDOW_MS - now };
  };
}

const items = (count: number) => Array.from({ length: count }, (_, index) => index);

describe("SubmitBudget", () => {
  it("lets the limit less the reserve through at once, then waits for the oldest to leave the window", () => {
    const budget = new SubmitBudget({ perMinute: 30 });
    expect(budget.allowed).toBe(27);
    for (let index = 0; index < 27; index += 1) budget.record(1000);
    expect(budget.waitMs(1000)).toBe(WINDOW_MS + 250);
    expect(budget.waitMs(WINDOW_MS + 1250)).toBe(0);
  });

  it("counts in the window it is given, a copy too", () => {
    const budget = new SubmitBudget({ perMinute: 3, windowMs: 10_000, reserve: 0 });
    for (const time of [0, 100, 200]) budget.record(time);
    expect(budget.waitMs(200)).toBe(10_050);
    expect(budget.copy().waitMs(200)).toBe(10_050);
    expect(budget.waitMs(10_250)).toBe(0);
  });

  it("counts the user's own runs and honours a pause", () => {
    const budget = new SubmitBudget({ perMinute: 3, reserve: 0 });
    budget.record(0);
    budget.record(10);
    expect(budget.waitMs(20)).toBe(0);
    budget.pauseUntil(5000);
    expect(budget.waitMs(20)).toBe(4980);
  });
});

describe("runPaced", () => {
  it("never meets a 429 from the proxy's fixed window, wherever that window started, user's runs included", async () => {
    for (const offset of [0, 7_000, 59_999]) {
      const clock = fakeClock();
      const proxy = fixedWindowProxy(30);
      const budget = new SubmitBudget({ perMinute: 30 });
      // The user ran twice before the sweep; the page recorded both.
      clock.advance(offset);
      for (let run = 0; run < 2; run += 1) {
        expect(proxy(clock.now()).ok).toBe(true);
        budget.record(clock.now());
      }
      const refused: number[] = [];
      const outcomes = await runPaced(
        items(64),
        async (index) => {
          clock.advance(120);
          if (!proxy(clock.now()).ok) refused.push(index);
          return index;
        },
        { budget, now: clock.now, sleep: clock.sleep },
      );
      expect(refused).toEqual([]);
      expect(outcomes.every((outcome) => outcome.status === "submitted")).toBe(true);
    }
  });

  it("after a 429 waits its Retry-After and sends the same run again: the grid completes", async () => {
    const clock = fakeClock();
    // Another tab used most of the window: the proxy allows only 5 more in it.
    const proxy = fixedWindowProxy(30);
    for (let used = 0; used < 25; used += 1) proxy(0);
    const waits: { index: number; ms: number; reason: string }[] = [];
    const sent: number[] = [];
    const outcomes = await runPaced(
      items(12),
      async (index) => {
        const decision = proxy(clock.now());
        if (!decision.ok) throw new RateLimitedError(decision.retryAfterMs);
        sent.push(index);
        return index;
      },
      {
        budget: new SubmitBudget({ perMinute: 30 }),
        now: clock.now,
        sleep: clock.sleep,
        onEvent: (event) =>
          event.kind === "waiting" && waits.push({ index: event.index, ms: event.ms, reason: event.reason }),
      },
    );
    expect(sent).toEqual(items(12));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(12).fill("submitted"));
    expect(waits).toEqual([{ index: 5, ms: WINDOW_MS, reason: "retry-after" }]);
  });

  it("fails only the run that failed for another reason, and stops when cancelled", async () => {
    const controller = new AbortController();
    const outcomes = await runPaced(
      items(5),
      async (index) => {
        if (index === 1) throw new Error("upstream down");
        if (index === 2) controller.abort();
        return index;
      },
      { budget: new SubmitBudget({ perMinute: 30 }), signal: controller.signal },
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      "submitted",
      "failed",
      "submitted",
      "cancelled",
      "cancelled",
    ]);
  });

  it("gives up on a run refused five times in a row, and goes on", async () => {
    const clock = fakeClock();
    const outcomes = await runPaced(
      items(2),
      async (index) => {
        if (index === 0) throw new RateLimitedError(1000);
        return index;
      },
      { budget: new SubmitBudget({ perMinute: 30 }), now: clock.now, sleep: clock.sleep },
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["failed", "submitted"]);
    expect(clock.now()).toBe(4000);
  });
});

describe("estimatePacing", () => {
  it("says how many start now and how long the rest take", () => {
    expect(estimatePacing(16, { perMinute: 30 })).toEqual({ startNow: 16, totalMs: 0 });
    expect(estimatePacing(64, { perMinute: 30 })).toEqual({ startNow: 27, totalMs: 2 * (WINDOW_MS + 250) });
  });

  it("counts what the page's budget already holds, and leaves that budget as it was", () => {
    const budget = new SubmitBudget({ perMinute: 6, reserve: 0 });
    budget.record(1000);
    budget.record(2000);
    // Four fit now; the fifth and sixth wait for the submits at 1 s and 2 s to leave the window.
    expect(estimatePacing(6, budget, 5000)).toEqual({ startNow: 4, totalMs: 2000 + WINDOW_MS + 250 - 5000 });
    expect(budget.waitMs(5000)).toBe(0);
    budget.pauseUntil(9000);
    expect(estimatePacing(1, budget, 5000)).toEqual({ startNow: 0, totalMs: 4000 });
  });
});
