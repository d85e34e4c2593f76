import type { QueueStatus } from "@fal-ai/client";
import { describe, expect, it, vi } from "vitest";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { RateLimitedError } from "@/lib/runs/rate-limited";
import { RunManager } from "@/lib/runs/run-manager";
import type { CancelAnswer, RunTransport } from "@/lib/runs/run-transport";
import { WINDOW_MS } from "./pacer";
import { planSweep, type SweepAxis } from "./plan";
import { type Sweep, SweepRunner } from "./sweep-runner";

const base: LoraRequest = { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: "a lighthouse", seed: 7 };
const axes: [SweepAxis, SweepAxis] = [
  { parameter: { field: "guidance_scale" }, values: [5, 9] },
  { parameter: { field: "num_inference_steps" }, values: [10, 20] },
];

/** A clock that moves only when the test says; sleepers wake once their time has come. */
function manualClock() {
  // Runs carry the real time they started at, which the budget reads; the clock starts there.
  let time = Date.now();
  const sleepers: { until: number; wake: () => void }[] = [];
  return {
    now: () => time,
    sleep: (ms: number, signal: AbortSignal | undefined) =>
      new Promise<void>((wake) => {
        sleepers.push({ until: time + ms, wake });
        signal?.addEventListener("abort", () => wake());
      }),
    advance(ms: number) {
      time += ms;
      for (const sleeper of sleepers.filter(({ until }) => until <= time)) sleeper.wake();
    },
  };
}

/** A queue that takes every run and keeps it queued until cancelled; `refuse` answers the next submits with 429s. */
function queue() {
  let submits = 0;
  let refusals = 0;
  const transport: RunTransport = {
    submit: vi.fn(async () => {
      if (refusals > 0) {
        refusals -= 1;
        throw new RateLimitedError(5_000, "Too many runs started; try again in 5 s.");
      }
      submits += 1;
      return { requestId: `req-${submits}` };
    }),
    status: vi.fn(),
    follow: vi.fn(
      (_id, { signal }) =>
        new Promise<QueueStatus>((_resolve, reject) =>
          signal.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError"))),
        ),
    ),
    result: vi.fn(),
    cancel: vi.fn(async (): Promise<CancelAnswer> => "cancelled"),
  };
  return { transport, refuse: (count: number) => (refusals = count), submitted: () => submits };
}

function plan() {
  const planned = planSweep(base, axes);
  if (!planned.ok) throw new Error(planned.message);
  return planned.plan;
}

const states = (sweep: Sweep | undefined) => sweep?.cells.map((cell) => cell.state);

describe("SweepRunner", () => {
  it("sends every cell as an ordinary run with the cell's settings", async () => {
    const { transport } = queue();
    const manager = new RunManager({ transport });
    const runner = new SweepRunner(manager, { perMinute: 30 });
    const id = runner.start(base, axes, plan());
    await vi.waitFor(() => expect(runner.snapshot()[0]?.sending).toBe(false));
    const sweep = runner.snapshot()[0];
    expect(sweep?.id).toBe(id);
    const runs = runner.runIdsOf(sweep as Sweep).map((runId) => manager.get(runId));
    expect(
      runs.map((run) => [run?.input.guidance_scale, run?.input.num_inference_steps, run?.input.seed, run?.status]),
    ).toEqual([
      [5, 10, 7, "queued"],
      [9, 10, 7, "queued"],
      [5, 20, 7, "queued"],
      [9, 20, 7, "queued"],
    ]);
  });

  it("keeps within the limit: what does not fit waits for the window, the user's own Runs counted", async () => {
    const clock = manualClock();
    const { transport, submitted } = queue();
    const manager = new RunManager({ transport });
    // A Run before the first sweep counts (the runner reads it from the runs), and so does one after.
    manager.start(base);
    await vi.waitFor(() => expect(manager.snapshot().runs[0]?.status).toBe("queued"));
    const runner = new SweepRunner(manager, { perMinute: 4 }, clock);
    expect(runner.estimate(4)).toEqual({ startNow: 3, totalMs: expect.any(Number) });
    manager.start(base);
    await vi.waitFor(() => expect(submitted()).toBe(2));
    expect(runner.estimate(4).startNow).toBe(2);

    runner.start(base, axes, plan());
    await vi.waitFor(() => expect(states(runner.snapshot()[0])).toEqual(["started", "started", "waiting", "waiting"]));
    expect(submitted()).toBe(4);
    expect(runner.snapshot()[0]?.cells[2]).toMatchObject({
      state: "waiting",
      reason: "budget",
      until: expect.any(Number),
    });

    clock.advance(WINDOW_MS + 250);
    await vi.waitFor(() => expect(states(runner.snapshot()[0])).toEqual(["started", "started", "started", "started"]));
    expect(runner.snapshot()[0]?.sending).toBe(false);
    expect(submitted()).toBe(6);
  });

  it("after a 429 withdraws that run, waits out Retry-After and sends the same cell again: no cell fails", async () => {
    const clock = manualClock();
    const { transport, refuse } = queue();
    const manager = new RunManager({ transport });
    const runner = new SweepRunner(manager, { perMinute: 30 }, clock);
    refuse(1);
    runner.start(base, axes, plan());
    await vi.waitFor(() =>
      expect(runner.snapshot()[0]?.cells[0]).toMatchObject({ state: "waiting", reason: "retry-after" }),
    );
    expect(manager.snapshot().runs).toEqual([]);
    clock.advance(5_000);
    await vi.waitFor(() => expect(runner.snapshot()[0]?.sending).toBe(false));
    const runs = manager.snapshot().runs;
    expect(runs.map((run) => run.status)).toEqual(["queued", "queued", "queued", "queued"]);
    expect(runs.some((run) => run.status === "failed")).toBe(false);
  });

  it("cancels: no more runs go out, queued ones are cancelled, and unsent cells say so", async () => {
    const clock = manualClock();
    const { transport, submitted } = queue();
    const manager = new RunManager({ transport });
    const runner = new SweepRunner(manager, { perMinute: 2 }, clock);
    const id = runner.start(base, axes, plan());
    await vi.waitFor(() => expect(states(runner.snapshot()[0])).toEqual(["started", "started", "waiting", "waiting"]));
    await vi.waitFor(() => expect(manager.snapshot().runs.every((run) => run.status === "queued")).toBe(true));
    await runner.cancel(id);
    await vi.waitFor(() => expect(runner.snapshot()[0]?.sending).toBe(false));
    expect(submitted()).toBe(2);
    expect(manager.snapshot().runs.map((run) => run.status)).toEqual(["cancelled", "cancelled"]);
    expect(runner.snapshot()[0]).toMatchObject({
      cancelled: true,
      cells: [
        { state: "started" },
        { state: "started" },
        { state: "not-started", why: expect.stringMatching(/cancelled/) },
        { state: "not-started" },
      ],
    });
  });
});
