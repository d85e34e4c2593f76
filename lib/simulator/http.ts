import "server-only";
import { APP_ID, ENDPOINT_ID } from "@/lib/fal/input-schema";
import { cancelRun, runResult, runStatus, runStatusStream, submitRun } from "./http-queue";
import { getFile, initiateMultipartUpload, initiateUpload, preflight, putUpload } from "./http-storage";
import { publicOrigin } from "@/lib/http/request-origin";
import { corsHeaders, json, type RouteHandler } from "./http-util";
import { SIMULATOR_BASE_PATH } from "./paths";
import { runTiming, submittedBody } from "./http-test-hooks";
import { getSimulator, type Simulator } from "./simulator";

export { createSimulator, getSimulator, type Simulator, type SimulatorOptions } from "./simulator";

type Route = { path: RegExp; methods: Partial<Record<string, RouteHandler>>; cors?: boolean };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const path = (pattern: string) => new RegExp(`^${escape(SIMULATOR_BASE_PATH)}${pattern}$`);
const REQUEST = `/queue/${escape(APP_ID)}/requests/([A-Za-z0-9-]{1,64})`;
const TOKEN = "([A-Za-z0-9_-]{1,64})";

/**
 * The simulator's routes. The proxy maps `https://queue.fal.run/<p>` to `/api/simulator/queue/<p>`
 * and `https://rest.fal.ai/<p>` to `/api/simulator/rest/<p>`; uploads and files are addressed
 * directly, as fal's CDN is.
 */
const ROUTES: Route[] = [
  { path: path(`/queue/${escape(ENDPOINT_ID)}`), methods: { POST: submitRun } },
  { path: path(`${REQUEST}/status`), methods: { GET: runStatus } },
  { path: path(`${REQUEST}/status/stream`), methods: { GET: runStatusStream } },
  { path: path(`${REQUEST}/cancel`), methods: { PUT: cancelRun } },
  { path: path(REQUEST), methods: { GET: runResult } },
  { path: path("/rest/storage/upload/initiate"), methods: { POST: initiateUpload } },
  { path: path("/rest/storage/upload/initiate-multipart"), methods: { POST: initiateMultipartUpload } },
  { path: path(`/upload/${TOKEN}`), methods: { PUT: putUpload, OPTIONS: preflight }, cors: true },
  { path: path(`/files/${TOKEN}/[^/]+`), methods: { GET: getFile, HEAD: getFile, OPTIONS: preflight }, cors: true },
  { path: path("/test/requests/([A-Za-z0-9-]{1,64})/body"), methods: { GET: submittedBody } },
  { path: path("/test/requests/([A-Za-z0-9-]{1,64})/timing"), methods: { GET: runTiming } },
];

/** Answers a request under /api/simulator/ as fal's queue, storage and CDN would. Never throws. */
export async function handleSimulatorRequest(request: Request, simulator?: Simulator): Promise<Response> {
  try {
    const url = new URL(request.url);
    const fault = await (simulator ?? getSimulator()).faults.beforeRequest(request, url.pathname);
    if (fault) return fault;
    for (const route of ROUTES) {
      const match = route.path.exec(url.pathname);
      if (!match) continue;
      const handler = route.methods[request.method.toUpperCase()];
      if (!handler) {
        const headers: Record<string, string> = { allow: Object.keys(route.methods).join(", ") };
        return json({ detail: "Method not allowed" }, 405, route.cors ? { ...corsHeaders(request), ...headers } : headers);
      }
      return await handler({
        request,
        url,
        params: match.slice(1),
        simulator: simulator ?? getSimulator(),
        origin: publicOrigin(request),
      });
    }
    return json({ detail: "Not found" }, 404);
  } catch (error) {
    console.error("Simulator request failed", error);
    return json({ detail: "Internal simulator error" }, 500);
  }
}
