import "server-only";
import { parseHttpUrl } from "@/lib/http/http-url";
import { json, readJson, type RouteHandler } from "./http-util";
import { MiB } from "@/lib/http/read-limited";
import { statusEventStream } from "./status-stream";

/** Inputs may carry base64 images, so the body cap is generous. */
const MAX_SUBMIT_BYTES = 64 * MiB;
const REQUEST_ID_HEADER = "x-fal-request-id";
const NOT_FOUND = { detail: "Request not found" };

export const submitRun: RouteHandler = async ({ request, url, simulator, origin }) => {
  const webhookUrl = url.searchParams.get("fal_webhook") ?? undefined;
  if (webhookUrl !== undefined && !parseHttpUrl(webhookUrl)) {
    const detail = [{ loc: ["query", "fal_webhook"], msg: "The webhook must be an http(s) URL.", type: "url_parsing" }];
    return json({ detail }, 422);
  }
  const body = await readJson(request, MAX_SUBMIT_BYTES);
  if (!body.ok) return body.response;
  const faults = simulator.faults.runFaults(request);
  const submitted = simulator.queue.submit(body.value, { origin, webhookUrl, faults });
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
  return json(answer.body, answer.httpStatus, { ...answer.headers, [REQUEST_ID_HEADER]: id });
};

export const cancelRun: RouteHandler = ({ params: [id = ""], simulator }) => {
  const answer = simulator.queue.cancel(id);
  return json(answer.body, answer.httpStatus);
};
