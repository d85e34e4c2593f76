import "server-only";
import { APP_ID, ENDPOINT_ID } from "@/lib/fal/endpoint";
import { cancelRun, runResult, runStatus, runStatusStream, submitRun } from "./http-queue";
import { modelPricing, pricingEstimate } from "./http-pricing";
import { getFile, initiateMultipartUpload, initiateUpload, preflight, putUpload } from "./http-storage";
import { isPlausibleFalKey } from "@/lib/access/visitor-key";
import { CLIENT_HEADER, passedOnOrigin, requestOrigin } from "@/lib/http/request-origin";
import { ClientGone } from "@/lib/http/read-limited";
import { carriesHopSecret } from "./hop-secret";
import { corsHeaders, json, type RouteHandler } from "./http-util";
import { SIMULATOR_BASE_PATH } from "./paths";
import { runTiming, submittedBody } from "./http-test-hooks";
import { getSimulator, type Simulator } from "./simulator";

export { createSimulator, getSimulator, type Simulator, type SimulatorOptions } from "./simulator";

/** `hop`: only the proxy may call it (fal's queue and REST API need a key; the CDN does not). */
type Route = { path: RegExp; methods: Partial<Record<string, RouteHandler>>; cors?: boolean; hop?: boolean };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const path = (pattern: string) => new RegExp(`^${escape(SIMULATOR_BASE_PATH)}${pattern}$`);
const REQUEST = `/queue/${escape(APP_ID)}/requests/([A-Za-z0-9-]{1,64})`;
const TOKEN = "([A-Za-z0-9_-]{1,64})";

/**
 * The simulator's routes. The proxy maps `https://queue.fal.run/<p>` to `/api/simulator/queue/<p>`
 * and `https://rest.fal.ai/<p>` to `/api/simulator/rest/<p>`, the pricing route `https://api.fal.ai/<p>`
 * to `/api/simulator/api/<p>`; uploads and files are addressed directly, as fal's CDN is.
 */
const ROUTES: Route[] = [
  { path: path(`/queue/${escape(ENDPOINT_ID)}`), methods: { POST: submitRun }, hop: true },
  { path: path(`${REQUEST}/status`), methods: { GET: runStatus }, hop: true },
  { path: path(`${REQUEST}/status/stream`), methods: { GET: runStatusStream }, hop: true },
  { path: path(`${REQUEST}/cancel`), methods: { PUT: cancelRun }, hop: true },
  { path: path(REQUEST), methods: { GET: runResult }, hop: true },
  { path: path("/rest/storage/upload/initiate"), methods: { POST: initiateUpload }, hop: true },
  { path: path("/rest/storage/upload/initiate-multipart"), methods: { POST: initiateMultipartUpload }, hop: true },
  { path: path("/api/v1/models/pricing"), methods: { GET: modelPricing }, hop: true },
  { path: path("/api/v1/models/pricing/estimate"), methods: { POST: pricingEstimate }, hop: true },
  { path: path(`/upload/${TOKEN}`), methods: { PUT: putUpload, OPTIONS: preflight }, cors: true },
  { path: path(`/files/${TOKEN}/[^/]+`), methods: { GET: getFile, HEAD: getFile, OPTIONS: preflight }, cors: true },
  { path: path("/test/requests/([A-Za-z0-9-]{1,64})/body"), methods: { GET: submittedBody } },
  { path: path("/test/requests/([A-Za-z0-9-]{1,64})/timing"), methods: { GET: runTiming } },
];

const HOP_REFUSED = { detail: "The simulator's queue answers only this app's proxy: call /api/fal/proxy." };

/** Who is calling a hop route: the proxy (with this process's secret), a test server's fal key, or nobody allowed. */
function hopCaller(request: Request, simulator: Simulator): "proxy" | "fal-key" | undefined {
  const authorization = request.headers.get("authorization");
  if (carriesHopSecret(authorization, simulator.hopSecret)) return "proxy";
  const key = authorization?.replace(/^Key /, "") ?? "";
  return simulator.acceptFalKeys && authorization?.startsWith("Key ") && isPlausibleFalKey(key) ? "fal-key" : undefined;
}

/**
 * Answers a request under /api/simulator/ as fal's queue, storage and CDN would. Throws only
 * ClientGone, for the route to log in one line.
 */
export async function handleSimulatorRequest(request: Request, given?: Simulator): Promise<Response> {
  try {
    const simulator = given ?? getSimulator();
    const url = new URL(request.url);
    const fault = await simulator.faults.beforeRequest(request, url.pathname);
    if (fault) return fault;
    for (const route of ROUTES) {
      const match = route.path.exec(url.pathname);
      if (!match) continue;
      const caller = route.hop ? hopCaller(request, simulator) : undefined;
      if (route.hop && !caller) return json(HOP_REFUSED, 401);
      const handler = route.methods[request.method.toUpperCase()];
      if (!handler) {
        const headers: Record<string, string> = { allow: Object.keys(route.methods).join(", ") };
        return json(
          { detail: "Method not allowed" },
          405,
          route.cors ? { ...corsHeaders(request), ...headers } : headers,
        );
      }
      return await handler({
        request,
        url,
        params: match.slice(1),
        simulator,
        // Only the proxy's own hop may say which origin the browser sees.
        origin: (caller === "proxy" && passedOnOrigin(request)) || requestOrigin(request, simulator.trustProxy),
        client: caller === "proxy" ? (request.headers.get(CLIENT_HEADER) ?? undefined) : undefined,
      });
    }
    return json({ detail: "Not found" }, 404);
  } catch (error) {
    if (error instanceof ClientGone) throw error;
    console.error("Simulator request failed", error);
    return json({ detail: "Internal simulator error" }, 500);
  }
}
