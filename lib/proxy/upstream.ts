import "server-only";
import { createRouteHandler } from "@fal-ai/server-proxy/nextjs";
import type { NextRequest } from "next/server";
import { TARGET_URL_HEADER } from "@fal-ai/server-proxy";
import { APP_ID, ENDPOINT_ID, FAL_API_HOST, FAL_QUEUE_HOST, FAL_REST_HOST, FAL_STORAGE_TYPE } from "@/lib/fal/endpoint";
import { CLIENT_HEADER, PUBLIC_ORIGIN_HEADER } from "@/lib/http/request-origin";
import { FAULTS_HEADER } from "@/lib/simulator/fault-header";

export type Upstream = {
  mode: "fal" | "simulator";
  /** The value sent upstream as `Authorization`. */
  authorization: string;
  /**
   * Where fal's hosts are reached instead, as `<origin><basePath>/{queue,rest}/…`: the simulator,
   * or (tests only) a fake of fal. Without `origin`, the simulator of this same process is called
   * in-process (no network hop).
   */
  redirect?: { origin?: string; basePath: string };
};

/** The embedded simulator, answering a request in this process as its route would. */
export type InProcessSimulator = (request: Request) => Promise<Response>;

const FAL_URL_PATTERNS = [
  `${FAL_QUEUE_HOST}/${APP_ID}/**`,
  `${FAL_REST_HOST}/storage/upload/initiate\\?storage_type=${FAL_STORAGE_TYPE}`,
];

/** Where a fal URL goes when the upstream is redirected: its host becomes a path (`/queue`, `/rest`, `/api`). */
export function redirectedUrl(target: URL, origin: string, basePath: string): string {
  const service = target.hostname === FAL_REST_HOST ? "rest" : target.hostname === FAL_API_HOST ? "api" : "queue";
  return `${origin}${basePath}/${service}${target.pathname}${target.search}`;
}

/**
 * The simulator's URL names this server on loopback at its own port, never the Host the browser
 * sent (which a caller controls); the browser-facing origin travels in a header instead.
 */
function loopbackOrigin(request: Request): string {
  const port = new URL(request.url).port;
  return `http://127.0.0.1${port ? `:${port}` : ""}`;
}

/** What the proxy tells the simulator on its hop; neither is ever taken from the caller. */
export type HopFacts = { publicOrigin: string; client?: string };

/** What the proxy calls itself upstream when the browser named no user agent (never "undefined"). */
export const PROXY_USER_AGENT = "fal-lora-playground";

/**
 * The headers of the call upstream: fal's request options as checked (`falHeaders`), the browser's
 * user agent, and the facts of the hop; nothing else of the browser's.
 */
function upstreamHeaders(
  request: NextRequest,
  upstream: Upstream,
  upstreamUrl: string,
  hop: HopFacts,
  falHeaders: Record<string, string>,
): Headers {
  const headers = new Headers(falHeaders);
  headers.set("user-agent", request.headers.get("user-agent")?.trim() || PROXY_USER_AGENT);
  if (upstream.mode === "simulator") {
    headers.set(PUBLIC_ORIGIN_HEADER, hop.publicOrigin);
    if (hop.client) headers.set(CLIENT_HEADER, hop.client);
    // Test-only faults; the simulator honours them only with PLAYGROUND_TEST_HOOKS=1.
    const faults = request.headers.get(FAULTS_HEADER);
    if (faults) headers.set(FAULTS_HEADER, faults);
  }
  headers.set(TARGET_URL_HEADER, upstreamUrl);
  return headers;
}

/** fal's answer as the browser gets it: without the cookies fal sets, which are fal's and not the page's. */
function forBrowser(response: Response): Response {
  if (!response.headers.has("set-cookie")) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Why a call upstream failed, as the fetch error and its cause say; the key is cut out wherever it shows. */
export function upstreamFailure(error: unknown, authorization: string): string {
  const parts: string[] = [];
  for (let cause: unknown = error; cause !== undefined && parts.length < 4;) {
    if (!(cause instanceof Error)) {
      parts.push(String(cause));
      break;
    }
    const code = (cause as { code?: unknown }).code;
    parts.push(
      typeof code === "string" && !cause.message.includes(code) ? `${cause.message} (${code})` : cause.message,
    );
    cause = cause.cause;
  }
  const key = authorization.replace(/^Key\s+/i, "");
  const text = parts.join(": ");
  // The simulator's stand-in key is the plain word "simulator"; real keys are far longer.
  return key.length >= 12 ? text.replaceAll(key, "[key]") : text;
}

/**
 * Over HTTP, an answer that broke before its first byte never reached the proxy at all (a dropped
 * connection, answered 502); in-process it would pass as a 200 whose body fails. So the first
 * chunk is awaited, and a body that fails at once throws; a later break passes through as it would.
 */
async function afterFirstBytes(response: Response): Promise<Response> {
  if (!response.body) return response;
  const reader = response.body.getReader();
  const first = await reader.read();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(first.value);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * The request `@fal-ai/server-proxy` would send, handed to the simulator as a function call: the
 * library has no way to take another fetch, and a loopback HTTP hop doubled the cost of every
 * proxied call. The simulator checks the hop's key exactly as it does over HTTP.
 */
async function callInProcess(
  simulator: InProcessSimulator,
  request: NextRequest,
  upstreamUrl: string,
  body: string | undefined,
  upstream: Upstream,
  hop: HopFacts,
  falHeaders: Record<string, string>,
): Promise<Response> {
  const headers = upstreamHeaders(request, upstream, upstreamUrl, hop, falHeaders);
  headers.set("authorization", upstream.authorization);
  headers.set("accept", "application/json");
  headers.set("content-type", "application/json");
  const forwarded = new Request(upstreamUrl, {
    method: request.method,
    headers,
    body: forwardedBody(request, body),
    signal: request.signal,
  });
  return afterFirstBytes(await simulator(forwarded));
}

function forwardedBody(request: Request, body: string | undefined): string | undefined {
  return request.method === "GET" || request.method === "HEAD" ? undefined : (body ?? "");
}

/** `@fal-ai/server-proxy` adds the key, forwards the `x-fal-*` headers it is given and streams the answer back. */
async function callThroughLibrary(
  request: NextRequest,
  upstreamUrl: string,
  body: string | undefined,
  upstream: Upstream,
  hop: HopFacts,
  falHeaders: Record<string, string>,
): Promise<Response> {
  const redirect = upstream.redirect;
  const host = new URL(upstreamUrl).host;
  const prefix = redirect ? `${redirect.basePath.slice(1)}${redirect.basePath ? "/" : ""}` : "";
  const handler = createRouteHandler({
    allowedUrlPatterns: redirect ? [`${host}${redirect.basePath}/{queue,rest}/**`] : FAL_URL_PATTERNS,
    allowedEndpoints: redirect
      ? [`${prefix}queue/${ENDPOINT_ID}`, `${prefix}rest/storage/upload/initiate`]
      : [ENDPOINT_ID],
    allowUnauthorizedRequests: false,
    isAuthenticated: async () => true,
    resolveFalAuth: async () => upstream.authorization,
  });
  const forwarded = new Request(request.url, {
    method: request.method,
    headers: upstreamHeaders(request, upstream, upstreamUrl, hop, falHeaders),
    body: forwardedBody(request, body),
  });
  const route = request.method === "GET" ? handler.GET : request.method === "PUT" ? handler.PUT : handler.POST;
  return forBrowser(await route(forwarded as NextRequest));
}

/**
 * Forwards a request that already passed the guard: to fal, to a fake of fal or to a simulator
 * over HTTP (`SIMULATOR_ORIGIN`) through the library; to this process's own simulator in-process.
 * A failure is logged (never the key) and thrown, for the caller's 502.
 */
export async function forwardUpstream(
  request: NextRequest,
  target: URL,
  body: string | undefined,
  upstream: Upstream,
  hop: HopFacts,
  simulator: InProcessSimulator,
  falHeaders: Record<string, string> = {},
): Promise<Response> {
  const redirect = upstream.redirect;
  const upstreamUrl = redirect
    ? redirectedUrl(target, redirect.origin ?? loopbackOrigin(request), redirect.basePath)
    : target.href;
  try {
    return redirect && !redirect.origin
      ? await callInProcess(simulator, request, upstreamUrl, body, upstream, hop, falHeaders)
      : await callThroughLibrary(request, upstreamUrl, body, upstream, hop, falHeaders);
  } catch (error) {
    const { origin, pathname } = new URL(upstreamUrl);
    console.error(
      `Proxy: ${request.method} ${origin}${pathname} (${upstream.mode}) failed: ${upstreamFailure(error, upstream.authorization)}`,
    );
    throw error;
  }
}
