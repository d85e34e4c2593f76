import "server-only";
import type { NextRequest } from "next/server";
import { TARGET_URL_HEADER } from "@fal-ai/server-proxy";
import { loraInputSchema } from "@/lib/fal/input-schema";
import { parseForFal } from "@/lib/fal/validation-error";
import { serverEnv } from "@/lib/env";
import { errorResponse } from "./errors";
import { isRefusal, matchProxyTarget } from "./target";
import { forwardUpstream, type Upstream } from "./upstream";

function resolveUpstream(): Upstream | undefined {
  const env = serverEnv();
  if (env.mode === "simulator") {
    return { mode: "simulator", authorization: "Key simulator", simulatorOrigin: env.SIMULATOR_ORIGIN };
  }
  return env.FAL_KEY ? { mode: "fal", authorization: `Key ${env.FAL_KEY}` } : undefined;
}

/** Checks a submit body against the one input schema before anything is spent on it. */
function validateSubmit(body: string): Response | undefined {
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    return errorResponse(422, [{ loc: ["body"], msg: "The request body is not valid JSON.", type: "json_invalid" }]);
  }
  const parsed = parseForFal(loraInputSchema, input);
  return parsed.success ? undefined : Response.json(parsed.body, { status: 422 });
}

export async function handleProxyRequest(request: NextRequest): Promise<Response> {
  const match = matchProxyTarget(request.method, request.headers.get(TARGET_URL_HEADER));
  if (isRefusal(match)) return errorResponse(match.status, match.detail);

  const upstream = resolveUpstream();
  if (!upstream) {
    return errorResponse(503, "fal mode needs a fal key: set FAL_KEY on the server, or run in simulator mode.");
  }

  const body = request.method === "GET" ? undefined : await request.text();
  if (match.route === "submit" && body !== undefined) {
    const invalid = validateSubmit(body);
    if (invalid) return invalid;
  }

  try {
    return await forwardUpstream(request, match.url, body, upstream);
  } catch {
    return errorResponse(502, "The upstream could not be reached. Try again in a moment.");
  }
}
