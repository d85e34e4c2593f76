import "server-only";
import type { NextRequest } from "next/server";
import { ACCESS_COOKIE, gateDecision } from "@/lib/access/gate";
import { accessConfig } from "@/lib/access/session";
import { serverEnv } from "@/lib/env";
import { API_CONTENT_SECURITY_POLICY, applySecurityHeaders } from "@/lib/security/headers";
import { ClientGone, declaredTooLarge, discardBody, MiB } from "./read-limited";

export const SIGN_IN_FIRST = "Sign in to this playground first.";

/**
 * A client still sending its body often misses an answer sent before it finished, so a body up
 * to this size that is over a route's limit is read and dropped (nothing kept) before the 413;
 * a bigger one is refused at once and its connection closed.
 */
const DRAIN_MAX_BYTES = 64 * MiB;

export type BodyLimit = { maxBytes: number; message: string };

type RouteHandler = (request: NextRequest) => Promise<Response> | Response;

/**
 * A refusal sent before the body is read; closing the connection afterwards means the rest of
 * that body is never read or kept.
 */
export function earlyRefusal(status: 401 | 413, detail: string): Response {
  return Response.json({ detail }, { status, headers: { connection: "close" } });
}

function secured(response: Response): Response {
  const headers = new Headers(response.headers);
  applySecurityHeaders(headers, API_CONTENT_SECURITY_POLICY);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * The API routes that take a body do not pass through proxy.ts, because Next reads (and past
 * 10 MB cuts) every body there before the route sees it, and makes the answer wait for the whole
 * body. They get the same gate and headers here instead, in the order that reads nothing: the
 * password gate, then the declared length, then the route.
 */
export function guardedRoute(handler: RouteHandler, bodyLimit: () => BodyLimit): RouteHandler {
  return async (request) => {
    const decision = gateDecision(accessConfig(serverEnv()), {
      pathname: request.nextUrl.pathname,
      cookie: request.cookies.get(ACCESS_COOKIE)?.value,
    });
    if (decision !== "allow") return secured(earlyRefusal(401, SIGN_IN_FIRST));
    const limit = bodyLimit();
    if (declaredTooLarge(request.headers, limit.maxBytes)) {
      const drained =
        !declaredTooLarge(request.headers, DRAIN_MAX_BYTES) && (await discardBody(request.body, DRAIN_MAX_BYTES));
      return secured(
        drained ? Response.json({ detail: limit.message }, { status: 413 }) : earlyRefusal(413, limit.message),
      );
    }
    try {
      return secured(await handler(request));
    } catch (error) {
      if (!(error instanceof ClientGone)) throw error;
      return clientGone(request, error);
    }
  };
}

/** One line in the log for a request its client abandoned (Next would print its stack), and an answer nobody reads. */
function clientGone(request: Request, error: ClientGone): Response {
  console.warn(`${request.method} ${new URL(request.url).pathname}: ${error.message}.`);
  return new Response(null, { status: 400, headers: { connection: "close" } });
}
