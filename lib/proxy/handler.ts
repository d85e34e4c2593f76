import "server-only";
import type { NextRequest } from "next/server";
import { TARGET_URL_HEADER } from "@fal-ai/server-proxy";
import { parseExactJson } from "@/lib/fal/exact-json";
import { loraInputSchema } from "@/lib/fal/input-schema";
import { parseForFal } from "@/lib/fal/validation-error";
import { fixedRequestOptions, serverEnv, type ServerEnv } from "@/lib/env";
import { requestOrigin } from "@/lib/http/request-origin";
import { readBodyLimited, TOO_LARGE_MESSAGE } from "@/lib/security/body-limit";
import { clientKey } from "@/lib/security/client-key";
import { createSubmitLimiter, type SubmitLimiter } from "@/lib/security/rate-limit";
import { errorResponse } from "./errors";
import { falRequestHeaders } from "./request-headers";
import { isRefusal, matchProxyTarget, type ProxyRoute } from "./target";
import { forwardUpstream, type InProcessSimulator } from "./upstream";
import { chooseUpstream } from "./upstream-choice";

/**
 * `limiter` counts submits, `initiateLimiter` upload initiates (memory at the env's rate when not
 * given); `simulator` answers in-process hops (this process's embedded simulator when not given).
 */
export type ProxyDependencies = {
  env: ServerEnv;
  limiter: SubmitLimiter;
  initiateLimiter?: SubmitLimiter;
  simulator?: InProcessSimulator;
};

/** Loaded on first use, so fal mode never loads the simulator (and sharp) into the proxy. */
const embeddedSimulator: InProcessSimulator = async (request) =>
  (await import("@/lib/simulator/http")).handleSimulatorRequest(request);

/** Checks a submit body against the one input schema before anything is spent on it. */
function validateSubmit(body: string): Response | undefined {
  let input: unknown;
  try {
    input = parseExactJson(body);
  } catch {
    return errorResponse(422, [{ loc: ["body"], msg: "The request body is not valid JSON.", type: "json_invalid" }]);
  }
  const parsed = parseForFal(loraInputSchema, input);
  return parsed.success ? undefined : Response.json(parsed.body, { status: 422 });
}

function defaultDependencies(): ProxyDependencies {
  const env = serverEnv();
  const windowSeconds = env.RATE_LIMIT_WINDOW_SECONDS;
  const limiter = createSubmitLimiter({
    pointsPerMinute: env.RATE_LIMIT_SUBMITS_PER_MINUTE,
    windowSeconds,
    redisUrl: env.REDIS_URL,
  });
  const initiateLimiter = createSubmitLimiter({
    name: "upload",
    pointsPerMinute: env.RATE_LIMIT_UPLOADS_PER_MINUTE,
    windowSeconds,
    redisUrl: env.REDIS_URL,
  });
  return { env, limiter, initiateLimiter };
}

const LIMITED: Partial<Record<ProxyRoute, { limiter: "limiter" | "initiateLimiter"; what: string }>> = {
  submit: { limiter: "limiter", what: "Too many runs started" },
  "storage-initiate": { limiter: "initiateLimiter", what: "Too many uploads started" },
};

function withInitiateLimiter(dependencies: ProxyDependencies): ProxyDependencies {
  const pointsPerMinute = dependencies.env.RATE_LIMIT_UPLOADS_PER_MINUTE;
  return {
    ...dependencies,
    initiateLimiter: dependencies.initiateLimiter ?? createSubmitLimiter({ name: "upload", pointsPerMinute }),
  };
}

/**
 * The proxy, in the order that spends least on a bad request: the target guard, the key, fal's
 * request option headers, the rate limits (submits, upload initiates), the body size, the input
 * schema; only then a call upstream.
 */
export function createProxyHandler(dependencies?: () => ProxyDependencies) {
  let resolved: ProxyDependencies | undefined;
  return async function handleProxyRequest(request: NextRequest): Promise<Response> {
    resolved ??= withInitiateLimiter((dependencies ?? defaultDependencies)());
    const { env } = resolved;
    const match = matchProxyTarget(request.method, request.headers.get(TARGET_URL_HEADER));
    if (isRefusal(match)) return errorResponse(match.status, match.detail);

    const choice = chooseUpstream(env, request.headers);
    if (!choice.ok) return errorResponse(choice.status, choice.detail);
    const falHeaders = falRequestHeaders(match.route, request.headers, fixedRequestOptions(env));
    if (!falHeaders.ok) return errorResponse(400, falHeaders.detail);

    const client = clientKey(request.headers, env.TRUST_PROXY);
    const limited = LIMITED[match.route];
    if (limited) {
      const decision = await resolved[limited.limiter]?.consume(client);
      if (decision && !decision.ok) {
        const detail = `${limited.what}; try again in ${decision.retryAfterSeconds} s.`;
        return errorResponse(429, detail, { "retry-after": String(decision.retryAfterSeconds) });
      }
    }

    let body: string | undefined;
    if (request.method !== "GET") {
      const read = await readBodyLimited(request, env.PROXY_MAX_BODY_BYTES);
      if (!read.ok) return errorResponse(413, TOO_LARGE_MESSAGE);
      body = read.text;
    }
    if (match.route === "submit") {
      const invalid = validateSubmit(body ?? "");
      if (invalid) return invalid;
    }

    try {
      const hop = {
        publicOrigin: requestOrigin(request, env.TRUST_PROXY),
        client: env.TRUST_PROXY ? client : undefined,
      };
      return await forwardUpstream(
        request,
        match.url,
        body,
        choice.upstream,
        hop,
        resolved.simulator ?? embeddedSimulator,
        falHeaders.headers,
      );
    } catch {
      return errorResponse(502, "The upstream could not be reached. Try again in a moment.");
    }
  };
}
