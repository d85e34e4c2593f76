import type { QueueStatus } from "@fal-ai/client";
import { messageOf } from "@/lib/errors/message-of";
import { isApiError } from "@/lib/fal/client-errors";
import type { LoraRequest } from "@/lib/fal/input-schema";
import type { RunCards } from "@/lib/lora-info/card";
import type { RunHistory } from "@/lib/history/run-history";
import type { FieldError } from "@/lib/form/server-errors";
import type { RunPrice } from "@/lib/pricing/quote";
import type { ReconnectPolicy } from "./run-follower";
import { RateLimitedError } from "./rate-limited";
import { isActive, type Run, type RunError, type RunUpdate } from "./run-state";
import { RunStore, type RunsSnapshot } from "./run-store";
import type { RunTransport } from "./run-transport";
import { withRunSeed } from "./seed";
import { statusUpdate } from "./status-update";

export type { RunsSnapshot } from "./run-store";

type RunManagerOptions = {
  transport: RunTransport;
  history?: RunHistory;
  /** Log lines arrive many times a second; history gets them at most this often per run. */
  persistEveryMs?: number;
  reconnect?: ReconnectPolicy;
  /** The price to keep with a run that completed: asked only once it has, so no run waits on it. */
  price?: () => Promise<RunPrice>;
};

const NEVER_QUEUED: RunError = {
  kind: "network",
  message: "The page closed before this run reached the queue.",
  fieldErrors: [],
  retryable: true,
};

/**
 * Following a run and reading its errors (with fal's words for every error type) load with the
 * first run rather than with the page (`preloadRunFollowing`).
 */
const loadFollower = () => import("./run-follower");
const loadRunError = () => import("./run-error");

export function preloadRunFollowing(): void {
  Promise.all([loadFollower(), loadRunError()]).catch(() => undefined);
}

/** Said when the code that follows runs or reads their errors could not be loaded (the connection dropped). */
const CODE_NOT_LOADED = "the page could not load the code that follows runs; check the connection";

/** An error in fal's words, or in plain ones when the words themselves could not be loaded. */
async function runErrorOf(error: unknown, input?: LoraRequest): Promise<RunError> {
  try {
    return (await loadRunError()).toRunError(error, input);
  } catch {
    // Without fal's words, Retry is offered only where no refusal says the same input would fail again.
    const retryable = !isApiError(error) || error.status >= 500;
    return { kind: "network", message: `${messageOf(error)} (${CODE_NOT_LOADED}).`, fieldErrors: [], retryable };
  }
}

/** Submit times kept for pacing: more than any limit leaves room for within one window. */
const MAX_SUBMIT_TIMES = 1_000;

/** A promise the page can settle early, to end every reconnect wait at once. */
function wakeupGate() {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * Starts, follows and cancels runs. A submitted run is followed on its request id until fal says
 * how it ended, and is never submitted again on its own; its state lives in a `RunStore`.
 */
export class RunManager {
  private readonly store: RunStore;
  private readonly fieldErrorListeners = new Set<(errors: FieldError[]) => void>();
  private readonly submitListeners = new Set<(runId: string) => void>();
  /** When the proxy answered the newest submits, oldest first: what it has counted against this page. */
  private readonly submitTimes: number[] = [];
  private readonly tracking = new Map<string, AbortController>();
  private loading: Promise<void> | undefined;
  private wakeup = wakeupGate();

  constructor(private readonly options: RunManagerOptions) {
    this.store = new RunStore({ history: options.history, persistEveryMs: options.persistEveryMs });
  }

  snapshot = (): RunsSnapshot => this.store.snapshot();

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  /** Called with the field errors of a run the server refused, so the form can show them. */
  onFieldErrors(listener: (errors: FieldError[]) => void): () => void {
    this.fieldErrorListeners.add(listener);
    return () => this.fieldErrorListeners.delete(listener);
  }

  /**
   * Called with a run's id each time the proxy answered its submit other than with a 429, so
   * counted it: a paced sweep counts every submit of the page against the one per-minute limit.
   */
  onSubmit(listener: (runId: string) => void): () => void {
    this.submitListeners.add(listener);
    return () => this.submitListeners.delete(listener);
  }

  /**
   * When the proxy answered this page's submits made after `since`. A run's `startedAt` is earlier,
   * by as long as the first Run takes to load the client: too early for pacing.
   */
  submittedSince(since: number): number[] {
    return this.submitTimes.filter((time) => time > since);
  }

  get(id: string): Run | undefined {
    return this.store.get(id);
  }

  /** Reads history once and picks up every run that was still in flight when the page closed. */
  load(): Promise<void> {
    this.loading ??= this.resumeFromHistory();
    return this.loading;
  }

  /**
   * Submits a new run, always with an explicit seed (drawn now when "Random seed" left it out);
   * `cards` are what the page knew of its model and LoRAs, kept with it.
   */
  start(input: LoraRequest, cards?: RunCards): string {
    const id = this.add(input, cards);
    void this.submitAndFollow(id);
    return id;
  }

  /**
   * Starts a run as `start` does and says when the queue answered: `queued` resolves once the
   * submit was answered (the run goes on, or failed as its card shows) and rejects with a
   * RateLimitedError when the proxy refused it for its per-minute limit. Such a run is withdrawn,
   * never shown as failed, so a paced caller can send the same input again after Retry-After.
   */
  startQueued(input: LoraRequest): { id: string; queued: Promise<void> } {
    const id = this.add(input);
    const queued = new Promise<void>((resolve, reject) => {
      void this.submitAndFollow(id, (refusal) => (refusal ? reject(refusal) : resolve())).finally(resolve);
    });
    return { id, queued };
  }

  /** Submits a failed run's input (its seed included) again, as a new run on the same card. */
  retry(id: string): void {
    const run = this.get(id);
    if (run?.status !== "failed" || !run.error?.retryable) return;
    this.store.replace(
      { id, input: run.input, cards: run.cards, status: "submitting", logs: [], startedAt: Date.now() },
      { now: true },
    );
    void this.submitAndFollow(id);
  }

  /**
   * Asks fal to cancel. A queued run is removed and ends here; a running one only gets a signal
   * and is followed on, so the card shows how it really ended.
   */
  async cancel(id: string): Promise<void> {
    const run = this.get(id);
    if (!run || !isActive(run) || run.cancelRequested) return;
    this.store.update(id, { cancelRequested: true, notice: undefined });
    // Without a request id yet, the submit's answer is awaited and cancelled as soon as it comes.
    if (run.requestId) await this.cancelInQueue(id, run.requestId);
  }

  /** Asks fal about a run whose following gave up: the same request id, never a new submit. */
  checkAgain(id: string): void {
    const run = this.get(id);
    if (!run?.requestId || !isActive(run) || this.tracking.has(id)) return;
    this.store.update(id, { connection: undefined });
    void this.follow(id, run.requestId, { resume: true });
  }

  /** Ends every reconnect wait now: the page is back online or in view. */
  wake(): void {
    this.wakeup.open();
    this.wakeup = wakeupGate();
  }

  /** The newest run still queued or running and not already being cancelled, for the Esc shortcut. */
  newestActive(): Run | undefined {
    const { runs, liveIds } = this.snapshot();
    return runs.find((run) => liveIds.has(run.id) && isActive(run) && !run.cancelRequested);
  }

  async remove(id: string): Promise<void> {
    this.stopTracking(id);
    await this.store.remove([id]);
  }

  /** Deletes every finished run; runs in flight stay. */
  async clearFinished(): Promise<void> {
    const finished = this.snapshot()
      .runs.filter((run) => !isActive(run))
      .map((run) => run.id);
    finished.forEach((id) => this.stopTracking(id));
    await this.store.remove(finished);
  }

  private async resumeFromHistory(): Promise<void> {
    for (const run of await this.store.load()) {
      this.store.update(run.id, { connection: undefined, notice: undefined });
      if (run.requestId) void this.follow(run.id, run.requestId, { resume: true });
      else this.finish(run.id, { status: "failed", error: NEVER_QUEUED });
    }
  }

  private add(input: LoraRequest, cards?: RunCards): string {
    const run: Run = {
      id: crypto.randomUUID(),
      input: withRunSeed(input),
      ...(cards ? { cards } : {}),
      status: "submitting",
      logs: [],
      startedAt: Date.now(),
    };
    this.store.add(run);
    return run.id;
  }

  /**
   * Submits, then follows. `answered` is told once the submit's answer is in; with it, a 429 of
   * the proxy's limit withdraws the run and is handed to it instead of failing the run.
   */
  private async submitAndFollow(id: string, answered?: (refusal?: RateLimitedError) => void): Promise<void> {
    const controller = new AbortController();
    this.tracking.set(id, controller);
    const run = this.get(id);
    if (!run) return;
    let queued: { requestId: string; queuePosition?: number };
    try {
      queued = await this.options.transport.submit(run.input, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      if (answered && error instanceof RateLimitedError) {
        await this.remove(id);
        answered(error);
        return;
      }
      if (isApiError(error)) this.counted(id);
      if (this.get(id)?.cancelRequested) this.finish(id, { status: "cancelled" });
      else this.fail(id, await runErrorOf(error, run.input));
      return;
    }
    this.counted(id);
    if (controller.signal.aborted) return;
    const { requestId, queuePosition } = queued;
    this.store.update(id, { requestId, status: "queued", queuePosition }, { now: true });
    answered?.();
    if (this.get(id)?.cancelRequested) await this.cancelInQueue(id, requestId);
    if (this.isFollowable(id)) await this.follow(id, requestId, { resume: false, controller });
  }

  private counted(id: string): void {
    this.submitTimes.push(Date.now());
    if (this.submitTimes.length > MAX_SUBMIT_TIMES) this.submitTimes.shift();
    this.submitListeners.forEach((listener) => listener(id));
  }

  private isFollowable(id: string): boolean {
    const run = this.get(id);
    return run !== undefined && isActive(run) && this.tracking.has(id);
  }

  private async cancelInQueue(id: string, requestId: string): Promise<void> {
    try {
      const answer = await this.options.transport.cancel(requestId);
      if (answer !== "cancelled") {
        // fal answered, so it can be heard again: a run whose following had given up is picked up.
        this.checkAgain(id);
        return;
      }
    } catch (error) {
      const notice = `Cancel did not reach fal (${(await runErrorOf(error)).message}); the run goes on.`;
      this.store.update(id, { cancelRequested: false, notice });
      return;
    }
    this.stopTracking(id);
    this.finish(id, { status: "cancelled" });
  }

  private async follow(
    id: string,
    requestId: string,
    { resume, controller = new AbortController() }: { resume: boolean; controller?: AbortController },
  ) {
    this.tracking.set(id, controller);
    const { signal } = controller;
    const input = this.get(id)?.input;
    if (!input) return;
    const changed = (update: (run: Run) => RunUpdate) => {
      const run = this.get(id);
      if (run && !signal.aborted) this.store.update(id, update(run));
    };
    try {
      const followRun = await loadFollower().then(
        (module) => module.followRun,
        () => undefined,
      );
      if (!followRun) {
        // The run is in fal's queue; "Check again" follows it once the code can be loaded.
        this.store.update(id, { connection: { state: "lost", reason: CODE_NOT_LOADED } }, { now: true });
        return;
      }
      const ending = await followRun({
        transport: this.options.transport,
        requestId,
        input,
        signal,
        resume,
        policy: this.options.reconnect,
        onStatus: (status: QueueStatus) => changed((run) => statusUpdate(status, run)),
        onConnection: (connection) => changed(() => ({ connection })),
        wakeup: () => this.wakeup.promise,
      });
      if (signal.aborted) return;
      if (ending.status === "lost")
        this.store.update(id, { connection: { state: "lost", reason: ending.reason } }, { now: true });
      else if (ending.status === "failed") this.fail(id, ending.error);
      else {
        this.finish(id, ending);
        if (ending.status === "completed") void this.priceRun(id);
      }
    } catch (error) {
      if (!signal.aborted) throw error;
    } finally {
      if (this.tracking.get(id) === controller) this.tracking.delete(id);
    }
  }

  private async priceRun(id: string): Promise<void> {
    const price = await this.options.price?.().catch(() => ({ unknown: "the price could not be asked for" }));
    if (price && this.get(id)?.status === "completed") this.store.update(id, { price }, { now: true });
  }

  private fail(id: string, error: RunError): void {
    this.finish(id, { status: "failed", error });
    if (error.fieldErrors.length > 0) this.fieldErrorListeners.forEach((listener) => listener(error.fieldErrors));
  }

  private finish(id: string, update: RunUpdate): void {
    this.store.update(
      id,
      { queuePosition: undefined, connection: undefined, ...update, endedAt: Date.now() },
      { now: true },
    );
  }

  private stopTracking(id: string): void {
    this.tracking.get(id)?.abort();
    this.tracking.delete(id);
  }
}
