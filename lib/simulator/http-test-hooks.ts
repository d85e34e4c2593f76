import "server-only";
import { serverEnv } from "@/lib/env";
import { json, type RouteContext } from "./http-util";

/**
 * The body a run was submitted with, for browser tests that check what the form sent. Answers
 * only when PLAYGROUND_TEST_HOOKS=1 (set by the Playwright config, never in production).
 */
export function submittedBody(
  { simulator, params }: RouteContext,
  enabled = serverEnv().PLAYGROUND_TEST_HOOKS,
): Response {
  const [id] = params;
  const body = enabled && id ? simulator.queue.submittedBody(id) : undefined;
  return body === undefined ? json({ detail: "Not found" }, 404) : json(body);
}

/**
 * When a run was submitted, started and marked completed (epoch ms, this server's clock), for the
 * benchmark that times completion to the image on screen. Answers only with PLAYGROUND_TEST_HOOKS=1.
 */
export function runTiming({ simulator, params }: RouteContext, enabled = serverEnv().PLAYGROUND_TEST_HOOKS): Response {
  const [id] = params;
  const run = enabled && id ? simulator.queue.find(id) : undefined;
  if (!run) return json({ detail: "Not found" }, 404);
  return json({ submittedAt: run.submittedAt, startedAt: run.startedAt ?? null, finishedAt: run.finishedAt ?? null });
}
