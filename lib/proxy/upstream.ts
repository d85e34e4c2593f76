import "server-only";
import { createRouteHandler } from "@fal-ai/server-proxy/nextjs";
import type { NextRequest } from "next/server";
import { TARGET_URL_HEADER } from "@fal-ai/server-proxy";
import { ENDPOINT_ID } from "@/lib/fal/input-schema";
import { PUBLIC_ORIGIN_HEADER, requestOrigin } from "@/lib/http/request-origin";
import { SIMULATOR_BASE_PATH } from "@/lib/simulator/paths";

export type Upstream = {
  mode: "fal" | "simulator";
  /** The value sent upstream as `Authorization`. */
  authorization: string;
  /** Overrides the loopback address of the simulator (SIMULATOR_ORIGIN). */
  simulatorOrigin?: string;
};

const FAL_URL_PATTERNS = [
  "queue.fal.run/fal-ai/lora/**",
  "rest.fal.ai/storage/upload/initiate\\?storage_type=fal-cdn-v3",
];

/** Where a fal URL goes in simulator mode: the simulator's routes on this same app. */
export function simulatorUrl(target: URL, simulatorOrigin: string): string {
  const service = target.hostname === "rest.fal.ai" ? "rest" : "queue";
  return `${simulatorOrigin}${SIMULATOR_BASE_PATH}/${service}${target.pathname}${target.search}`;
}

/**
 * The simulator is reached on loopback at this server's own port, never at the Host the browser
 * sent (which a caller controls); the browser-facing origin travels in a header instead.
 */
function loopbackOrigin(request: Request): string {
  const port = new URL(request.url).port;
  return `http://127.0.0.1${port ? `:${port}` : ""}`;
}

/**
 * Hands a request that already passed the guard to `@fal-ai/server-proxy`, pointed at fal or at
 * the embedded simulator. The library adds the key, forwards `x-fal-*` headers and streams back.
 */
export async function forwardUpstream(
  request: NextRequest,
  target: URL,
  body: string | undefined,
  upstream: Upstream,
): Promise<Response> {
  const upstreamUrl =
    upstream.mode === "fal" ? target.href : simulatorUrl(target, upstream.simulatorOrigin ?? loopbackOrigin(request));
  const host = new URL(upstreamUrl).host;
  const handler = createRouteHandler({
    allowedUrlPatterns:
      upstream.mode === "fal" ? FAL_URL_PATTERNS : [`${host}${SIMULATOR_BASE_PATH}/{queue,rest}/**`],
    allowedEndpoints:
      upstream.mode === "fal"
        ? [ENDPOINT_ID]
        : [`${SIMULATOR_BASE_PATH.slice(1)}/queue/${ENDPOINT_ID}`, `${SIMULATOR_BASE_PATH.slice(1)}/rest/storage/upload/initiate`],
    allowUnauthorizedRequests: false,
    isAuthenticated: async () => true,
    resolveFalAuth: async () => upstream.authorization,
  });

  const headers = new Headers();
  request.headers.forEach((value, key) => {
    if (key.startsWith("x-fal-") || key === "user-agent") headers.set(key, value);
  });
  headers.delete(PUBLIC_ORIGIN_HEADER);
  if (upstream.mode === "simulator") headers.set(PUBLIC_ORIGIN_HEADER, requestOrigin(request));
  headers.set(TARGET_URL_HEADER, upstreamUrl);
  const forwarded = new Request(request.url, {
    method: request.method,
    headers,
    body: request.method === "GET" || request.method === "HEAD" ? undefined : (body ?? ""),
  });
  const route = request.method === "GET" ? handler.GET : request.method === "PUT" ? handler.PUT : handler.POST;
  return route(forwarded as NextRequest);
}
