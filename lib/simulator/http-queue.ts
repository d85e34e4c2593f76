import "server-only";
import { parseHttpUrl } from "@/lib/http/http-url";
import { lifecycleSeconds, REQUEST_HEADERS, type RequestHeader } from "@/lib/fal/request-options";
import { BILLABLE_UNITS_HEADER } from "@/lib/pricing/billable-units";
import { json, readJson, requestOptionHeaders, type RouteHandler } from "./http-util";
import type { RunOptions } from "./run-status";
import { MiB } from "@/lib/http/read-limited";
import { statusEventStream } from "./status-stream";

/** Inputs may carry base64 images, so the body cap is generous. */
const MAX_SUBMIT_BYTES = 64 * MiB;
const REQUEST_ID_HEADER = "x-fal-request-id";
const NOT_FOUND = { detail: "Request not found" };

const SUBMIT_OPTIONS = [
  REQUEST_HEADERS.startTimeout,
  REQUEST_HEADERS.priority,
  REQUEST_HEADERS.storeIo,
  REQUEST_HEADERS.resultLifecycle,
] as const;

/** What a submit's request option headers ask of the run (docs/fal.md#request-options). */
function runOptions(values: Partial<Record<RequestHeader, string>>): RunOptions {
  const timeout = values[REQUEST_HEADERS.startTimeout];
  const lifetime = lifecycleSeconds(values[REQUEST_HEADERS.resultLifecycle] ?? null);
  return {
    ...(timeout !== undefined && { startTimeoutMs: Number(timeout) * 1000 }),
    priority: values[REQUEST_HEADERS.priority] === "low" ? "low" : "normal",
    storeIo: values[REQUEST_HEADERS.storeIo] !== "0",
    ...(lifetime !== undefined && { resultTtlMs: lifetime * 1000 }),
  };
}

export const submitRun: RouteHandler = async ({ request, url, simulator, origin }) => {
  const webhookUrl = url.searchParams.get("fal_webhook") ?? undefined;
  if (webhookUrl !== undefined && !parseHttpUrl(webhookUrl)) {
    const detail = [{ loc: ["query", "fal_webhook"], msg: "The webhook must be an http(s) URL.", type: "url_parsing" }];
    return json({ detail }, 422);
  }
  const headers = requestOptionHeaders(request.headers, SUBMIT_OPTIONS);
  if (!headers.ok) return headers.response;
  const body = await readJson(request, MAX_SUBMIT_BYTES);
  if (!body.ok) return body.response;
  const faults = simulator.faults.runFaults(request);
  const options = runOptions(headers.values);
  const submitted = simulator.queue.submit(body.value, { origin, webhookUrl, faults, options });
  if (!submitted.ok) return json(submitted.body, submitted.httpStatus);
  return json(submitted.status, 200, { [REQUEST_ID_HEADER]: submitted.status.request_id });
};

export const runStatus: RouteHandler = ({ url, params: [id = ""], simulator }) => {
  const status = simulator.queue.status(id, { logs: url.searchParams.get("logs") === "1" });
  if (!status) return json(NOT_FOUND, 404);
  return json(status, status.status === "COMPLETED" ? 200 : 202);
};

export const runStatusStream: RouteHandler = ({ request, url, params: [id = ""], simulator }) => {
  if (!simulator.queue.find(id)) return json(NOT_FOUND, 404);
  const stream = statusEventStream(simulator.queue, id, {
    logs: url.searchParams.get("logs") === "1",
    signal: request.signal,
    pingMs: simulator.pingMs,
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      [REQUEST_ID_HEADER]: id,
    },
  });
};

export const runResult: RouteHandler = ({ params: [id = ""], simulator }) => {
  const answer = simulator.queue.result(id);
  if (!answer) return json(NOT_FOUND, 404);
  const headers: Record<string, string> = { ...answer.headers, [REQUEST_ID_HEADER]: id };
  if (answer.billableUnits !== undefined) headers[BILLABLE_UNITS_HEADER] = String(answer.billableUnits);
  return json(answer.body, answer.httpStatus, headers);
};

export const cancelRun: RouteHandler = ({ params: [id = ""], simulator }) => {
  const answer = simulator.queue.cancel(id);
  return json(answer.body, answer.httpStatus);
};
