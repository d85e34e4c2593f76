import "server-only";
import { untilAborted } from "@/lib/async/sleep";
import type { Run } from "./run-status";
import { SimulatedFalError } from "./types";

export const STUCK_MESSAGE = "Simulated fault: this run is stuck and will not finish until it is cancelled.";
export const FAILED_MESSAGE = "Simulated fault: the runner crashed.";
export const REQUEUED_MESSAGE =
  "Simulated fault: the runner was lost; fal puts the request back in the queue to retry it.";
export const CANCEL_IGNORED_MESSAGE = "Cancellation requested; this app has no cancel handler, so the run goes on.";

/** Plays a run's simulated end: hang until cancelled, or throw as a crashed runner would. */
export async function playFault(run: Run, signal: AbortSignal, log: (message: string) => void): Promise<void> {
  if (signal.aborted) return;
  if (run.faults?.play === "stuck") {
    log(STUCK_MESSAGE);
    await untilAborted(signal);
    return;
  }
  if (run.faults?.play === "fail") {
    const { errorType } = run.faults;
    log(errorType ? `Simulated fault: the run fails with fal's ${errorType}.` : FAILED_MESSAGE);
    throw errorType ? new SimulatedFalError(errorType) : new Error(FAILED_MESSAGE);
  }
}
