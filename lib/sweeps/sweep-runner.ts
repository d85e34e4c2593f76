import type { LoraRequest } from "@/lib/fal/input-schema";
import type { RunManager } from "@/lib/runs/run-manager";
import { estimatePacing, type PacingOptions, runPaced, SubmitBudget, type SubmitLimit } from "./pacer";
import type { SweepAxis, SweepPlan } from "./plan";

/** Where one cell of a sweep is before it has a run of its own, or which run it is. */
export type CellProgress =
  | { state: "waiting"; until?: number; reason?: "budget" | "retry-after" }
  | { state: "started"; runId: string }
  | { state: "not-started"; why: string };

export type Sweep = {
  id: string;
  startedAt: number;
  base: LoraRequest;
  axes: readonly SweepAxis[];
  plan: SweepPlan;
  cells: readonly CellProgress[];
  /** Runs are still being sent (some wait for the per-minute limit). */
  sending: boolean;
  cancelled: boolean;
};

const NEVER_SENT = "Not started: the sweep was cancelled first.";
const REFUSED = "Not started: the server's per-minute limit refused it five times. Run it on its own later.";

/**
 * The page's sweeps. Each cell is an ordinary run of the RunManager (a card, history, Cancel,
 * Esc), sent paced within the proxy's per-minute limit. One budget counts every submit of the
 * page: the sweeps' own, and any other Run made meanwhile (through the manager's `onSubmit`).
 */
export class SweepRunner {
  private sweeps: readonly Sweep[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly sweepRunIds = new Set<string>();
  readonly budget: SubmitBudget;

  private readonly now: () => number;
  private readonly sleep: PacingOptions["sleep"];

  constructor(
    private readonly manager: RunManager,
    limit: SubmitLimit,
    clock: Pick<PacingOptions, "now" | "sleep"> = {},
  ) {
    this.now = clock.now ?? Date.now;
    this.sleep = clock.sleep;
    this.budget = new SubmitBudget(limit);
    // What the page sent in the last window before the first sweep counts too, when the proxy counted it.
    for (const time of manager.submittedSince(this.now() - this.budget.windowMs)) this.budget.record(time);
    manager.onSubmit((runId) => {
      if (!this.sweepRunIds.has(runId)) this.budget.record(this.now());
    });
  }

  /** The sweeps of this page, newest first. */
  snapshot = (): readonly Sweep[] => this.sweeps;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** How `count` more runs would go out now: how many at once, and when the last. */
  estimate(count: number): { startNow: number; totalMs: number } {
    return estimatePacing(count, this.budget, this.now());
  }

  /** Starts sending the plan's runs, paced; answers the sweep's id at once. */
  start(base: LoraRequest, axes: readonly SweepAxis[], plan: SweepPlan): string {
    const id = crypto.randomUUID();
    const controller = new AbortController();
    this.controllers.set(id, controller);
    const cells: CellProgress[] = plan.cells.map(() => ({ state: "waiting" }));
    this.sweeps = [
      { id, startedAt: this.now(), base, axes, plan, cells, sending: true, cancelled: false },
      ...this.sweeps,
    ];
    this.changed();
    void this.send(id, controller.signal);
    return id;
  }

  /** Sends no more of the sweep's runs and cancels those still queued or running. */
  async cancel(id: string): Promise<void> {
    const sweep = this.sweeps.find((candidate) => candidate.id === id);
    if (!sweep || sweep.cancelled) return;
    this.controllers.get(id)?.abort();
    this.update(id, { cancelled: true });
    await Promise.all(this.runIdsOf(sweep).map((runId) => this.manager.cancel(runId)));
  }

  /** The run of each cell that has one, in the plan's order. */
  runIdsOf(sweep: Sweep): string[] {
    return sweep.cells.flatMap((cell) => (cell.state === "started" ? [cell.runId] : []));
  }

  private async send(id: string, signal: AbortSignal): Promise<void> {
    const sweep = this.sweeps.find((candidate) => candidate.id === id);
    if (!sweep) return;
    const outcomes = await runPaced(
      sweep.plan.cells,
      async (cell, index) => {
        const { id: runId, queued } = this.manager.startQueued(cell.body);
        this.sweepRunIds.add(runId);
        this.setCell(id, index, { state: "started", runId });
        try {
          await queued;
        } catch (refusal) {
          // Refused by the limit: that run was withdrawn; the cell waits for its Retry-After.
          this.setCell(id, index, { state: "waiting", reason: "retry-after" });
          throw refusal;
        }
        return runId;
      },
      {
        budget: this.budget,
        signal,
        now: this.now,
        sleep: this.sleep,
        onEvent: (event) => {
          if (event.kind === "waiting")
            this.setCell(id, event.index, { state: "waiting", until: this.now() + event.ms, reason: event.reason });
          if (event.kind === "failed") this.setCell(id, event.index, { state: "not-started", why: REFUSED });
        },
      },
    );
    const cells = this.sweeps.find((candidate) => candidate.id === id)?.cells ?? [];
    const ended = cells.map((cell, index): CellProgress =>
      outcomes[index]?.status === "cancelled" && cell.state !== "started"
        ? { state: "not-started", why: NEVER_SENT }
        : cell,
    );
    this.controllers.delete(id);
    this.update(id, { cells: ended, sending: false });
  }

  private setCell(id: string, index: number, progress: CellProgress): void {
    const sweep = this.sweeps.find((candidate) => candidate.id === id);
    if (sweep) this.update(id, { cells: sweep.cells.map((cell, at) => (at === index ? progress : cell)) });
  }

  private update(id: string, patch: Partial<Sweep>): void {
    this.sweeps = this.sweeps.map((sweep) => (sweep.id === id ? { ...sweep, ...patch } : sweep));
    this.changed();
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }
}

let pageRunner: SweepRunner | undefined;

/** The page's one runner (one RunManager, one budget); `limit` is the server's. */
export function sweepRunner(manager: RunManager, limit: SubmitLimit): SweepRunner {
  pageRunner ??= new SweepRunner(manager, limit);
  return pageRunner;
}
