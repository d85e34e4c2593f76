import "server-only";
import { messageOf } from "@/lib/errors/message-of";
import type { Simulator } from "./simulator";
import { declaredTooLarge, readLimited } from "@/lib/http/read-limited";
import { parseExactJson, stringifyExactJson } from "@/lib/fal/exact-json";
import { readRequestHeader, type RequestHeader } from "@/lib/fal/request-options";
import { requestErrorAnswer } from "./fal-error-answers";

export type RouteContext = {
  request: Request;
  url: URL;
  /** The capture groups of the route's path pattern. */
  params: string[];
  simulator: Simulator;
  /** Where this request came in, for the absolute URLs the simulator hands out. */
  origin: string;
  /** The client the proxy says this call is for, when it can tell clients apart. */
  client?: string;
};

export type RouteHandler = (context: RouteContext) => Response | Promise<Response>;

/** A JSON answer; a 64-bit seed (BigInt) is written as the exact integer fal would send. */
export function json(body: unknown, status = 200, headers?: Record<string, string>): Response {
  return new Response(stringifyExactJson(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** Browsers PUT uploads and GET files straight from the simulator, as they do with fal's CDN. */
export function corsHeaders(request: Request): Record<string, string> {
  const requested = request.headers.get("access-control-request-headers");
  return {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, HEAD, PUT, OPTIONS",
    "access-control-allow-headers": requested && /^[\w\s,-]+$/.test(requested) ? requested : "content-type",
    "access-control-max-age": "86400",
  };
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * fal's request option headers on a call, each checked as fal does: a bad one is fal's 400
 * `bad_request` (docs/fal.md#errors), naming the header.
 */
export function requestOptionHeaders(
  headers: Headers,
  names: readonly RequestHeader[],
): { ok: true; values: Partial<Record<RequestHeader, string>> } | { ok: false; response: Response } {
  const values: Partial<Record<RequestHeader, string>> = {};
  for (const name of names) {
    const raw = headers.get(name);
    if (raw === null) continue;
    const reading = readRequestHeader(name, raw);
    if (!reading.ok) {
      const answer = requestErrorAnswer("bad_request", reading.message);
      return { ok: false, response: json(answer.body, answer.httpStatus, answer.headers) };
    }
    values[name] = reading.value;
  }
  return { ok: true, values };
}

/** Reads a JSON body; a body that is too big or not JSON is answered in fal's shape. */
export async function readJson(request: Request, maxBytes: number): Promise<JsonBody> {
  const tooLarge = { ok: false as const, response: json({ detail: "Request body is too large." }, 413) };
  if (declaredTooLarge(request.headers, maxBytes)) return tooLarge;
  const bytes = await readLimited(request.body, maxBytes);
  if (!bytes) return tooLarge;
  try {
    return { ok: true, value: parseExactJson(bytes.toString("utf8")) };
  } catch (error) {
    const reason = messageOf(error, "invalid JSON");
    return {
      ok: false,
      response: json({ detail: [{ loc: ["body"], msg: `JSON decode error: ${reason}`, type: "json_invalid" }] }, 422),
    };
  }
}
