import type { QueueStatus } from "@fal-ai/client";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { historyProblem, type RunHistory } from "@/lib/history/run-history";
import { isCancelledError, toRunError } from "./run-error";
import type { FieldError } from "@/lib/form/server-errors";
import { isActive, type Run, type RunUpdate } from "./run-state";
import type { RunTransport } from "./run-transport";
import { isCancelledStatus, statusUpdate } from "./status-update";

export type RunsSnapshot = {
  /** Every run in history and of this page, newest first. */
  runs: readonly Run[];
  /** The runs started or resumed since the page loaded: the run panel shows these. */
  liveIds: ReadonlySet<string>;
  loaded: boolean;
  /** Set once this browser's storage failed: runs are not being kept, and why. */
  historyProblem?: string;
};

type RunManagerOptions = {
  transport: RunTransport;
  history?: RunHistory;
  /** Log lines arrive many times a second; history gets them at most this often per run. */
  persistEveryMs?: number;
};

const NEVER_QUEUED: Run["error"] = {
  kind: "network",
  message: "The page closed before this run reached the queue. Retry sends the same input again.",
  fieldErrors: [],
  retryable: true,
};

/** Starts, follows, cancels and remembers runs; the page reads it through `useRuns`. */
export class RunManager {
  private state: RunsSnapshot = { runs: [], liveIds: new Set(), loaded: false };
  private readonly listeners = new Set<() => void>();
  private readonly fieldErrorListeners = new Set<(errors: FieldError[]) => void>();
  private readonly tracking = new Map<string, AbortController>();
  private readonly pendingWrites = new Map<string, ReturnType<typeof setTimeout>>();
  private loading: Promise<void> | undefined;

  constructor(private readonly options: RunManagerOptions) {}

  snapshot = (): RunsSnapshot => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called with the field errors of a run the server refused, so the form can show them. */
  onFieldErrors(listener: (errors: FieldError[]) => void): () => void {
    this.fieldErrorListeners.add(listener);
    return () => this.fieldErrorListeners.delete(listener);
  }

  get(id: string): Run | undefined {
    return this.state.runs.find((run) => run.id === id);
  }

  /** Reads history once and resumes every run that was still in flight when the page closed. */
  load(): Promise<void> {
    this.loading ??= this.loadHistory();
    return this.loading;
  }

  start(input: LoraRequest): string {
    const run: Run = { id: crypto.randomUUID(), input, status: "submitting", logs: [], startedAt: Date.now() };
    this.setState({ runs: [run, ...this.state.runs], liveIds: new Set([...this.state.liveIds, run.id]) });
    this.persist(run.id, true);
    void this.submitAndTrack(run.id);
    return run.id;
  }

  /** Re-submits a failed run's input on the same card. */
  retry(id: string): void {
    const run = this.get(id);
    if (!run || isActive(run)) return;
    this.replace(id, { id, input: run.input, status: "submitting", logs: [], startedAt: Date.now() });
    this.persist(id, true);
    void this.submitAndTrack(id);
  }

  /** Asks the queue to cancel and stops following; a run that already finished keeps its result. */
  async cancel(id: string): Promise<void> {
    const run = this.get(id);
    if (!run || !isActive(run) || run.cancelRequested) return;
    this.update(id, { cancelRequested: true });
    if (!run.requestId) {
      // The submit may already have reached the queue: its answer is awaited and cancelled there too.
      this.finish(id, { status: "cancelled" });
      return;
    }
    try {
      await this.options.transport.cancel(run.requestId);
    } catch {
      // ALREADY_COMPLETED or unreachable: following goes on and shows what really happened.
      this.update(id, { cancelRequested: false });
      return;
    }
    this.tracking.get(id)?.abort();
    this.finish(id, { status: "cancelled" });
  }

  /** The newest run still queued or running, for the Esc shortcut. */
  newestActive(): Run | undefined {
    return this.state.runs.find((run) => this.state.liveIds.has(run.id) && isActive(run));
  }

  async remove(id: string): Promise<void> {
    this.stopTracking(id);
    this.setState({ runs: this.state.runs.filter((run) => run.id !== id) });
    await this.options.history?.remove(id).catch(this.historyFailed);
  }

  /** Deletes every finished run; runs in flight stay. */
  async clearFinished(): Promise<void> {
    const finished = this.state.runs.filter((run) => !isActive(run)).map((run) => run.id);
    finished.forEach((id) => this.stopTracking(id));
    this.setState({ runs: this.state.runs.filter((run) => isActive(run)) });
    await this.options.history?.removeMany(finished).catch(this.historyFailed);
  }

  private async loadHistory(): Promise<void> {
    let stored: Run[] = [];
    try {
      stored = (await this.options.history?.list()) ?? [];
    } catch (error) {
      this.historyFailed(error);
    }
    const known = new Set(this.state.runs.map((run) => run.id));
    const runs = [...this.state.runs, ...stored.filter((run) => !known.has(run.id))].sort((a, b) => b.startedAt - a.startedAt);
    const resumed = stored.filter((run) => isActive(run) && !known.has(run.id));
    this.setState({ runs, loaded: true, liveIds: new Set([...this.state.liveIds, ...resumed.map((run) => run.id)]) });
    for (const run of resumed) {
      if (run.requestId) void this.track(run.id, run.requestId, { resume: true });
      else this.finish(run.id, { status: "failed", error: NEVER_QUEUED });
    }
  }

  private async submitAndTrack(id: string): Promise<void> {
    const controller = new AbortController();
    this.tracking.set(id, controller);
    const run = this.get(id);
    if (!run) return;
    try {
      const queued = await this.options.transport.submit(run.input, controller.signal);
      if (controller.signal.aborted) return;
      if (this.get(id)?.cancelRequested) {
        this.update(id, { requestId: queued.requestId });
        this.persist(id, true);
        await this.options.transport.cancel(queued.requestId).catch(() => undefined);
        return;
      }
      this.update(id, { requestId: queued.requestId, status: "queued", queuePosition: queued.queuePosition });
      this.persist(id, true);
    } catch (error) {
      if (!controller.signal.aborted && !this.get(id)?.cancelRequested) this.fail(id, error);
      return;
    }
    const requestId = this.get(id)?.requestId;
    if (requestId) await this.track(id, requestId, { resume: false, controller });
  }

  private async track(id: string, requestId: string, { resume, controller = new AbortController() }: { resume: boolean; controller?: AbortController }): Promise<void> {
    this.tracking.set(id, controller);
    const { signal } = controller;
    const { transport } = this.options;
    const onStatus = (status: QueueStatus) => {
      if (!signal.aborted) this.update(id, statusUpdate(status));
    };
    try {
      let final = resume ? await transport.status(requestId, signal) : undefined;
      if (final) onStatus(final);
      if (final?.status !== "COMPLETED") final = await transport.follow(requestId, { signal, onStatus });
      if (signal.aborted) return;
      if (isCancelledStatus(final)) return this.finish(id, { status: "cancelled" });
      const output = await transport.result(requestId, signal);
      if (!signal.aborted) this.finish(id, { status: "completed", output });
    } catch (error) {
      if (signal.aborted) return;
      if (isCancelledError(error)) this.finish(id, { status: "cancelled" });
      else this.fail(id, error);
    } finally {
      if (this.tracking.get(id) === controller) this.tracking.delete(id);
    }
  }

  private fail(id: string, cause: unknown): void {
    const error = toRunError(cause);
    this.finish(id, { status: "failed", error });
    if (error.fieldErrors.length > 0) this.fieldErrorListeners.forEach((listener) => listener(error.fieldErrors));
  }

  private finish(id: string, update: RunUpdate): void {
    this.update(id, { queuePosition: undefined, ...update, endedAt: Date.now() });
    this.persist(id, true);
  }

  private stopTracking(id: string): void {
    this.tracking.get(id)?.abort();
    this.tracking.delete(id);
    const timer = this.pendingWrites.get(id);
    if (timer) clearTimeout(timer);
    this.pendingWrites.delete(id);
  }

  private update(id: string, update: RunUpdate): void {
    const run = this.get(id);
    if (!run) return;
    this.replace(id, { ...run, ...update });
    this.persist(id, false);
  }

  private replace(id: string, next: Run): void {
    this.setState({ runs: this.state.runs.map((run) => (run.id === id ? next : run)) });
  }

  private persist(id: string, now: boolean): void {
    const { history, persistEveryMs = 300 } = this.options;
    if (!history) return;
    const write = () => {
      this.pendingWrites.delete(id);
      const run = this.get(id);
      if (run) history.put(run).catch(this.historyFailed);
    };
    const pending = this.pendingWrites.get(id);
    if (now) {
      if (pending) clearTimeout(pending);
      write();
    } else if (!pending) {
      this.pendingWrites.set(id, setTimeout(write, persistEveryMs));
    }
  }

  /** Runs go on without storage; the page says they are not being kept. */
  private historyFailed = (error: unknown): void => {
    if (!this.state.historyProblem) this.setState({ historyProblem: historyProblem(error) });
  };

  private setState(patch: Partial<RunsSnapshot>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }
}
