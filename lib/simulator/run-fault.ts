import "server-only";
import type { Run } from "./run-status";

export const STUCK_MESSAGE = "Simulated fault: this run is stuck and will not finish until it is cancelled.";
export const FAILED_MESSAGE = "Simulated fault: the runner crashed.";

/** Plays a run's simulated fault: hang until cancelled, or throw as a crashed runner would. */
export async function playFault(run: Run, signal: AbortSignal, log: (message: string) => void): Promise<void> {
  if (run.fault === "stuck") {
    log(STUCK_MESSAGE);
    await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
    return;
  }
  if (run.fault === "fail") {
    log(FAILED_MESSAGE);
    throw new Error(FAILED_MESSAGE);
  }
}
