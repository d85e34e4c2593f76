import { WINDOW_MS } from "./pacer";

/** "within a minute", "within about 3 minutes": how long the last submit of a sweep waits. */
function within(ms: number): string {
  // The budget adds a moment to each window; a minute and a quarter second is still "a minute".
  const minutes = Math.max(1, Math.ceil((ms - 1000) / WINDOW_MS));
  return minutes === 1 ? "within a minute" : `within about ${minutes} minutes`;
}

/**
 * The confirmation's words for how a sweep's runs will go out: "12 runs: 10 start now, the rest
 * within a minute." From `estimatePacing`.
 */
export function pacingSentence(count: number, { startNow, totalMs }: { startNow: number; totalMs: number }): string {
  const runs = count === 1 ? "1 run" : `${count} runs`;
  if (startNow >= count) return count === 1 ? "1 run, starting now." : `${runs}, all starting now.`;
  if (startNow === 0)
    return `${runs}: none can start yet (this page's runs of the last minute used the limit); all start ${within(totalMs)}.`;
  return `${runs}: ${startNow} start now, the rest ${within(totalMs)}.`;
}

/** Why the runs are paced, with the numbers: the server's limit and what stays free for your own Runs. */
export function limitSentence(perMinute: number, allowed: number): string {
  const kept = perMinute - allowed;
  const reserve = kept > 0 ? `; a sweep uses at most ${allowed}, leaving ${kept} for your own Runs meanwhile` : "";
  return `The server takes ${perMinute} runs a minute from this page${reserve}.`;
}
