import type { QueueStatus } from "@fal-ai/client";
import { sleep } from "@/lib/async/sleep";
import { isApiError } from "@/lib/fal/client-errors";
import { stringifyExactJson } from "@/lib/fal/exact-json";
import type { LoraRequest } from "@/lib/fal/input-schema";
import type { LoraOutput } from "@/lib/fal/output-schema";
import { connectionTrouble, isCancelledError, statusRunError, toRunError } from "./run-error";
import type { RunConnection, RunError } from "./run-state";
import type { RunResult, RunTransport } from "./run-transport";
import { isCancelledStatus, statusError, statusErrorType } from "./status-update";

/** How long following a run keeps trying when fal cannot be heard, before it asks the user. */
export type ReconnectPolicy = { firstDelayMs: number; maxDelayMs: number; maxAttempts: number };

/** Doubling from 1 s to 30 s: about a quarter of an hour of tries before "Check again". */
export const DEFAULT_RECONNECT: ReconnectPolicy = { firstDelayMs: 1_000, maxDelayMs: 30_000, maxAttempts: 36 };

export type FollowEnding =
  | { status: "completed"; output: LoraOutput; billableUnits?: string }
  | { status: "cancelled" }
  | { status: "failed"; error: RunError }
  | { status: "lost"; reason: string };

export type FollowOptions = {
  transport: RunTransport;
  requestId: string;
  /** The body the run was sent with, to point a refusal at the field it is about. */
  input: LoraRequest;
  signal: AbortSignal;
  /** Ask for the status before following: a run picked up after a reload or by "Check again". */
  resume: boolean;
  policy?: ReconnectPolicy;
  onStatus: (status: QueueStatus) => void;
  onConnection: (connection: RunConnection | undefined) => void;
  /** Resolves when there is reason to try again at once (back online, the tab shown again). */
  wakeup: () => Promise<void>;
};

class LostTouch extends Error {}

type Trouble = (error: unknown) => string | undefined;

/**
 * Runs `operation` until it answers, waiting longer after each failure the network or a gateway
 * caused. Anything fal heard (`heard()`) starts the count again. Gives up with `LostTouch`.
 */
function persistence(options: FollowOptions) {
  const policy = options.policy ?? DEFAULT_RECONNECT;
  let attempt = 0;
  const heard = () => {
    if (attempt === 0) return;
    attempt = 0;
    options.onConnection(undefined);
  };
  async function run<T>(operation: (retrying: boolean) => Promise<T>, trouble: Trouble): Promise<T> {
    for (;;) {
      try {
        const value = await operation(attempt > 0);
        heard();
        return value;
      } catch (error) {
        const reason = options.signal.aborted ? undefined : trouble(error);
        if (reason === undefined) throw error;
        attempt++;
        if (attempt > policy.maxAttempts) throw new LostTouch(reason);
        options.onConnection({ state: "reconnecting", attempt, reason });
        const delay = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
        await Promise.race([sleep(delay, options.signal), options.wakeup()]);
        options.signal.throwIfAborted();
      }
    }
  }
  return { run, heard };
}

/** A gateway's 500 carries no JSON; fal's app failing the run does, and asking again will not change it. */
const resultTrouble: Trouble = (error) =>
  isApiError(error) && error.status === 500 && error.body !== undefined ? undefined : connectionTrouble(error);

/** The result reader (and zod with it) loads once a run is followed, not with the page. */
const outputReader = () => import("@/lib/fal/output-schema");

async function ending({ data, billableUnits }: RunResult): Promise<FollowEnding> {
  const { readLoraOutput } = await outputReader();
  const reading = readLoraOutput(data);
  if (reading.ok) return { status: "completed", output: reading.output, ...(billableUnits && { billableUnits }) };
  const raw = stringifyExactJson(data, 2);
  return {
    status: "failed",
    error: { kind: "result", message: reading.reason, fieldErrors: [], retryable: false, raw },
  };
}

/**
 * A run whose COMPLETED status carries fal's `error`: its result says how it failed (a 422 lands
 * on the fields it names); when that answer does not come, the status's own message and type do.
 */
async function failedRun(
  { transport, requestId, signal, input }: FollowOptions,
  failure: string,
  errorType: string | undefined,
): Promise<FollowEnding> {
  let result: RunResult;
  try {
    result = await transport.result(requestId, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    if (isCancelledError(error)) return { status: "cancelled" };
    if (isApiError(error) && error.body !== undefined) return { status: "failed", error: toRunError(error, input) };
    return { status: "failed", error: statusRunError(failure, errorType) };
  }
  return ending(result);
}

/**
 * Follows a submitted run to its end on the same request id, riding out network and gateway
 * failures. It never submits: the worst it does is stop trying ("lost") and leave the rest to
 * the user's "Check again".
 */
export async function followRun(options: FollowOptions): Promise<FollowEnding> {
  const { transport, requestId, signal, input } = options;
  const { run, heard } = persistence(options);
  const onStatus = (status: QueueStatus) => {
    heard();
    options.onStatus(status);
  };
  let following = true;
  // Ready long before the result comes; using it awaits the same load.
  outputReader().catch(() => undefined);
  try {
    const final = await run(async (retrying) => {
      if (options.resume || retrying) {
        const current = await transport.status(requestId, signal);
        onStatus(current);
        if (current.status === "COMPLETED") return current;
      }
      return transport.follow(requestId, { signal, onStatus });
    }, connectionTrouble);
    following = false;
    if (isCancelledStatus(final)) return { status: "cancelled" };
    const failure = statusError(final);
    if (failure) return await failedRun(options, failure, statusErrorType(final));
    const result = await run(() => transport.result(requestId, signal), resultTrouble);
    return await run(() => ending(result), connectionTrouble);
  } catch (error) {
    if (signal.aborted) throw error;
    if (error instanceof LostTouch) return { status: "lost", reason: error.message };
    if (isCancelledError(error)) return { status: "cancelled" };
    const unknownRequest = isApiError(error) && error.status === 404;
    // A status refused for another reason (a key that stopped working, …) says nothing of the run.
    if (following && !unknownRequest) return { status: "lost", reason: toRunError(error).message };
    if (unknownRequest) {
      const message = `fal has no request ${requestId} any more (it may have expired), so how it ended is unknown.`;
      return { status: "failed", error: { kind: "api", message, fieldErrors: [], retryable: true } };
    }
    return { status: "failed", error: toRunError(error, input) };
  }
}
