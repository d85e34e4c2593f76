import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { readEnv, type ServerEnv } from "@/lib/env";
import { createSubmitLimiter } from "@/lib/security/rate-limit";
import { createProxyHandler } from "./handler";
import type { InProcessSimulator } from "./upstream";

/** A fal key that must never show up anywhere but in the Authorization sent upstream. */
export const CANARY_FAL_KEY = "canary-key-id:canary-secret-5f1d2c9e7b";
export const ORIGIN = "http://playground.test";
export const VALID_INPUT = { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: "a lighthouse" };

export type SeenRequest = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };

/**
 * A loopback listener standing in for fal: records every request and answers like fal's submit,
 * with `answerHeaders` besides (cookies, billing headers…).
 */
export async function startListener(
  answerHeaders: Record<string, string | string[]> = {},
): Promise<{ origin: string; seen: SeenRequest[]; close: () => Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
      for (const [name, value] of Object.entries(answerHeaders)) response.setHeader(name, value);
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ status: "IN_QUEUE", request_id: "fake-request", queue_position: 0 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function testEnv(values: Record<string, string>): ServerEnv {
  return readEnv({ NODE_ENV: "test", ...values });
}

/** `simulator` answers in-process hops (simulator mode without SIMULATOR_ORIGIN). */
export function testProxy(env: ServerEnv, pointsPerMinute = 1_000, simulator?: InProcessSimulator) {
  return createProxyHandler(() => ({ env, limiter: createSubmitLimiter({ pointsPerMinute }), simulator }));
}

/** An in-process simulator that records what reaches it into `seen`, answering like fal's submit. */
export function recordingSimulator(seen: SeenRequest[]): InProcessSimulator {
  return async (request) => {
    const url = new URL(request.url);
    seen.push({
      method: request.method,
      url: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    });
    return Response.json({ status: "IN_QUEUE", request_id: "fake-request", queue_position: 0 });
  };
}

type ProxyCall = { method: string; target: string | null; body?: string; headers?: Record<string, string> };

export function proxyRequest({ method, target, body, headers = {} }: ProxyCall): NextRequest {
  const all = new Headers(headers);
  if (target !== null) all.set("x-fal-target-url", target);
  if (body !== undefined) all.set("content-type", "application/json");
  const sendsBody = body !== undefined && method !== "GET" && method !== "HEAD";
  return new NextRequest(`${ORIGIN}/api/fal/proxy`, { method, headers: all, body: sendsBody ? body : undefined });
}
