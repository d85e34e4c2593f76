import "server-only";
import { randomUUID } from "node:crypto";
import { sleep } from "@/lib/async/sleep";
import { stringifyExactJson } from "@/lib/fal/exact-json";
import type { LoraInput } from "@/lib/fal/input-schema";
import type { FalValidationBody } from "@/lib/fal/validation-error";
import { readAppInput } from "./app-input";
import { BoundedCache } from "./bounded-cache";
import type { FileStore } from "./file-store";
import type { RunFaults } from "./faults";
import { CANCEL_IGNORED_MESSAGE, playFault, REQUEUED_MESSAGE } from "./run-fault";
import {
  cancelledOutcome,
  failedOutcome,
  refusedOutcome,
  renderSeed,
  runSeed,
  startTimeoutOutcome,
  stepCount,
  storeOutput,
} from "./run-outcome";
import {
  inferenceSeconds,
  type QueueLog,
  type QueueStatus,
  type Run,
  type RunOptions,
  type RunOutcome,
  runStatus,
  webhookBody,
} from "./run-status";
import { type LoadImage, type RenderedImage, SimulatedFalError, SimulatorInputError } from "./types";

export type Renderer = (input: LoraInput, seed: number, loadImage: LoadImage) => Promise<RenderedImage[]>;

export type RunQueueOptions = {
  files: FileStore;
  render: Renderer;
  loadImage: LoadImage;
  /** Called once per finished run that asked for a webhook; must not throw. */
  notifyWebhook: (url: string, body: unknown) => Promise<unknown>;
  concurrency: number;
  stepMs: number;
  /** How long finished runs stay answerable. */
  ttlMs: number;
  maxPending?: number;
  maxFinishedRuns?: number;
  /** Rough bound on the memory held by finished runs (their submitted bodies). */
  maxFinishedBytes?: number;
  now?: () => number;
};

export type SubmitResult = { ok: true; status: QueueStatus } | { ok: false; httpStatus: 429; body: FalValidationBody };

export type CancelResult =
  | { httpStatus: 200; body: { status: "OK" } }
  | { httpStatus: 202; body: { status: "CANCELLATION_REQUESTED" } }
  | { httpStatus: 400; body: { status: "ALREADY_COMPLETED" } }
  | { httpStatus: 404; body: { status: "NOT_FOUND" } };

/**
 * What `GET /requests/{id}` answers: fal's error headers for a run that failed, and for one that
 * succeeded its `billableUnits` (its inference seconds: only those are billed) as `x-fal-billable-units`.
 */
export type ResultAnswer = {
  httpStatus: number;
  body: unknown;
  headers?: Record<string, string>;
  billableUnits?: number;
};

export type RunListener = (run: Run) => void;

const MiB = 1024 * 1024;

const DEFAULT_RUN_OPTIONS: RunOptions = { priority: "normal", storeIo: true };

/** How long a run put back in the queue waits for "another runner": a cold start takes fal seconds. */
const REQUEUE_STEPS = 25;
const REQUEUE_MIN_MS = 1_500;

/**
 * fal's queue in one process: runs wait in order, a fixed pool works on them, and each one
 * reports logs step by step before its images are rendered and stored. Like fal, it queues any
 * JSON body; the app reads it when the run starts and refuses it then (a 422 on the result).
 */
export class RunQueue {
  private readonly pending: Run[] = [];
  private readonly running = new Map<string, Run>();
  private readonly finished: BoundedCache<string, Run>;
  private readonly listeners = new Map<string, Set<RunListener>>();
  private readonly now: () => number;
  private disposed = false;

  constructor(private readonly options: RunQueueOptions) {
    this.now = options.now ?? Date.now;
    this.finished = new BoundedCache({
      ttlMs: options.ttlMs,
      maxEntries: options.maxFinishedRuns ?? 1_000,
      maxWeight: options.maxFinishedBytes ?? 256 * MiB,
      weigh: (run) => stringifyExactJson(run.submittedBody).length + run.logs.length * 128,
      now: this.now,
    });
  }

  submit(
    body: unknown,
    context: { origin: string; webhookUrl?: string; faults?: RunFaults; options?: RunOptions },
  ): SubmitResult {
    if (this.pending.length >= (this.options.maxPending ?? 1_000)) {
      return { ok: false, httpStatus: 429, body: { detail: "The simulator's queue is full; try again shortly." } };
    }
    const run: Run = {
      id: randomUUID(),
      submittedBody: body,
      origin: context.origin,
      webhookUrl: context.webhookUrl,
      faults: context.faults,
      options: context.options ?? DEFAULT_RUN_OPTIONS,
      state: "IN_QUEUE",
      logs: [],
      submittedAt: this.now(),
      cancellation: new AbortController(),
    };
    this.enqueue(run);
    const status = runStatus(run, { logs: false, queuePosition: this.pending.indexOf(run) });
    const { startTimeoutMs } = run.options;
    if (startTimeoutMs !== undefined) {
      run.startDeadline = setTimeout(() => this.expireStart(run), startTimeoutMs);
      run.startDeadline.unref?.();
    }
    this.dispatch();
    return { ok: true, status };
  }

  /** A low-priority run waits behind every normal one; a normal one goes ahead of every low one. */
  private enqueue(run: Run): void {
    const firstLow = this.pending.findIndex((queued) => queued.options.priority === "low");
    if (run.options.priority === "low" || firstLow < 0) this.pending.push(run);
    else this.pending.splice(firstLow, 0, run);
  }

  /** No runner started the run within its start timeout: it ends in fal's 504, and never starts. */
  private expireStart(run: Run): void {
    const waiting = this.pending.indexOf(run);
    if (waiting < 0) return;
    this.pending.splice(waiting, 1);
    this.log(run, "No runner started within the start timeout; the request timed out.", "ERROR");
    this.finish(run, startTimeoutOutcome());
    this.notifyQueued();
  }

  find(id: string): Run | undefined {
    return this.running.get(id) ?? this.pending.find((run) => run.id === id) ?? this.finished.get(id);
  }

  status(id: string, options: { logs: boolean }): QueueStatus | undefined {
    const run = this.find(id);
    return run && runStatus(run, { logs: options.logs, queuePosition: this.pending.indexOf(run) });
  }

  result(id: string): ResultAnswer | undefined {
    const run = this.find(id);
    if (!run) return undefined;
    const outcome = run.outcome;
    if (!outcome) return { httpStatus: 400, body: { detail: "Request is still in progress" } };
    // X-Fal-Store-IO: 0 keeps no payload once it has been delivered.
    if (!run.options.storeIo) run.submittedBody = undefined;
    if (outcome.ok) return { httpStatus: 200, body: outcome.output, billableUnits: inferenceSeconds(run) ?? undefined };
    return { httpStatus: outcome.httpStatus, body: outcome.body, headers: outcome.headers };
  }

  /** A queued run is removed; a running one is signalled, and stops at its next step unless it ignores cancels. */
  cancel(id: string): CancelResult {
    const run = this.find(id);
    if (!run) return { httpStatus: 404, body: { status: "NOT_FOUND" } };
    if (run.state === "COMPLETED") return { httpStatus: 400, body: { status: "ALREADY_COMPLETED" } };
    if (run.state === "IN_PROGRESS") {
      if (run.faults?.ignoreCancel) this.log(run, CANCEL_IGNORED_MESSAGE);
      else run.cancellation.abort();
      return { httpStatus: 202, body: { status: "CANCELLATION_REQUESTED" } };
    }
    const waiting = this.pending.indexOf(run);
    if (waiting >= 0) this.pending.splice(waiting, 1);
    run.cancellation.abort();
    this.finish(run, cancelledOutcome());
    this.notifyQueued();
    return { httpStatus: 200, body: { status: "OK" } };
  }

  /** The body of a run exactly as submitted. */
  submittedBody(id: string): unknown {
    return this.find(id)?.submittedBody;
  }

  /** Calls `listener` on every change of the run (state, queue position, log line). */
  subscribe(id: string, listener: RunListener): () => void {
    const set = this.listeners.get(id) ?? new Set<RunListener>();
    set.add(listener);
    this.listeners.set(id, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(id) === set) this.listeners.delete(id);
    };
  }

  subscriberCount(id: string): number {
    return this.listeners.get(id)?.size ?? 0;
  }

  dispose(): void {
    this.disposed = true;
    for (const run of this.pending) clearTimeout(run.startDeadline);
    this.pending.length = 0;
    for (const run of this.running.values()) run.cancellation.abort();
    this.listeners.clear();
    this.finished.dispose();
  }

  private dispatch(): void {
    let started = false;
    while (!this.disposed && this.running.size < this.options.concurrency) {
      const run = this.pending.shift();
      if (!run) break;
      started = true;
      clearTimeout(run.startDeadline);
      run.state = "IN_PROGRESS";
      run.startedAt = this.now();
      this.running.set(run.id, run);
      this.notify(run);
      void this.execute(run).finally(() => {
        this.running.delete(run.id);
        this.dispatch();
      });
    }
    if (started) this.notifyQueued();
  }

  private async execute(run: Run): Promise<void> {
    const signal = run.cancellation.signal;
    const read = readAppInput(run.submittedBody);
    if (!read.ok) return this.finish(run, refusedOutcome(read.body));
    const { input } = read;
    try {
      this.log(run, `Loading model ${input.model_name}${input.variant ? ` (${input.variant})` : ""}`);
      for (const lora of input.loras) this.log(run, `Loading LoRA ${lora.path} with scale ${lora.scale}`);
      const seed = runSeed(input);
      const images = await this.options.render(input, renderSeed(seed), this.options.loadImage);
      await this.sample(run, input, signal);
      if (run.faults) await playFault(run, signal, (message) => this.log(run, message));
      if (signal.aborted) return this.finish(run, cancelledOutcome());
      this.finish(run, { ok: true, output: storeOutput(this.options.files, run, images, seed) });
    } catch (error) {
      if (error instanceof SimulatorInputError) this.log(run, error.message, "ERROR");
      else if (!(error instanceof SimulatedFalError)) console.error(`Simulator run ${run.id} failed`, error);
      this.finish(run, signal.aborted ? cancelledOutcome() : failedOutcome(error, input));
    }
  }

  /** The inference steps, one log line each; a run with the `requeue` fault goes back to the queue halfway, once. */
  private async sample(run: Run, input: LoraInput, signal: AbortSignal): Promise<void> {
    const steps = stepCount(input);
    let requeue = run.faults?.play === "requeue";
    for (let step = 1; step <= steps && !signal.aborted; step++) {
      await sleep(this.options.stepMs, signal);
      if (signal.aborted) return;
      this.log(run, `Step ${step}/${steps}`);
      if (requeue && step === Math.ceil(steps / 2)) {
        requeue = false;
        step = 0;
        await this.requeue(run, signal);
      }
    }
  }

  /** A runner retry as fal does it: IN_PROGRESS back to IN_QUEUE, then started over on "another runner". */
  private async requeue(run: Run, signal: AbortSignal): Promise<void> {
    this.log(run, REQUEUED_MESSAGE, "ERROR");
    run.state = "IN_QUEUE";
    this.notify(run);
    await sleep(Math.max(REQUEUE_MIN_MS, this.options.stepMs * REQUEUE_STEPS), signal);
    if (signal.aborted) return;
    run.state = "IN_PROGRESS";
    this.notify(run);
  }

  private finish(run: Run, outcome: RunOutcome): void {
    if (this.disposed || run.state === "COMPLETED") return;
    clearTimeout(run.startDeadline);
    run.state = "COMPLETED";
    run.outcome = outcome;
    run.finishedAt = this.now();
    this.finished.set(run.id, run);
    this.notify(run);
    this.listeners.delete(run.id);
    if (run.webhookUrl) {
      this.options.notifyWebhook(run.webhookUrl, webhookBody(run)).catch(() => undefined);
    }
  }

  private log(run: Run, message: string, level: QueueLog["level"] = "INFO"): void {
    run.logs.push({ message, level, source: "USER", timestamp: new Date(this.now()).toISOString() });
    this.notify(run);
  }

  private notify(run: Run): void {
    for (const listener of this.listeners.get(run.id) ?? []) {
      try {
        listener(run);
      } catch (error) {
        console.error("Simulator status listener failed", error);
      }
    }
  }

  /** Queue positions moved: tell everyone still waiting. */
  private notifyQueued(): void {
    for (const run of this.pending) {
      if (this.listeners.has(run.id)) this.notify(run);
    }
  }
}
