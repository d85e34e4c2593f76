import "server-only";
import { type FalErrorTypeName, isModelErrorType, isRequestErrorType } from "@/lib/fal/fal-errors";
import { falErrorAnswer } from "./fal-error-answers";
import { FAULTS_HEADER } from "./fault-header";
import { json } from "./http-util";

/** How often a fault fires: a share of requests (`10%`) or the first N matching ones (`2`). */
type Frequency = { rate: number } | { first: number };

export type RouteKind =
  "submit" | "status" | "stream" | "result" | "cancel" | "storage" | "files" | "pricing" | "estimate";

/** What a run does instead of finishing plainly: hang, crash, or go back to the queue once (a runner retry). */
export type RunPlay = "stuck" | "fail" | "requeue";

/**
 * The simulated faults one run carries. `ignoreCancel`: a cancel while it runs answers 202 and the
 * run finishes anyway; `errorType`: how a `fail` run fails, as one of fal's documented errors.
 */
export type RunFaults = { play?: RunPlay; ignoreCancel?: boolean; errorType?: FalErrorTypeName };

/**
 * Status codes `error` can answer with; gateways answer 502 and 504 in HTML, as fal's edge does.
 * 401 and 403 are a key refused, or one without the scope a Platform API needs (docs/fal.md#pricing).
 */
export const FAULT_CODES = [401, 403, 429, 500, 502, 503, 504] as const;
export type FaultCode = (typeof FAULT_CODES)[number];

const FREQUENCY_KEYS = ["error", "drop", "stuck", "fail", "requeue", "ignorecancel"] as const;
type FrequencyKey = (typeof FREQUENCY_KEYS)[number];

export type FaultPlan = {
  latencyMs: number;
  /** The status `error` answers with; 503 unless `code=` says otherwise. */
  code: FaultCode;
  /** Routes that latency, errors and drops apply to; every route when unset. */
  on?: Set<RouteKind>;
  /** One of fal's error types (docs/fal.md#errors): `error` answers it in its shape, and `fail` runs end in it. */
  errorType?: FalErrorTypeName;
} & Partial<Record<FrequencyKey, Frequency>>;

const ROUTE_KINDS = new Set<string>([
  "submit",
  "status",
  "stream",
  "result",
  "cancel",
  "storage",
  "files",
  "pricing",
  "estimate",
]);

function parseFrequency(value: string): Frequency | undefined {
  const percent = /^(\d{1,3}(?:\.\d+)?)%$/.exec(value);
  if (percent) {
    const rate = Number(percent[1]) / 100;
    return rate <= 1 ? { rate } : undefined;
  }
  return /^\d{1,6}$/.test(value) ? { first: Number(value) } : undefined;
}

function isFrequencyKey(key: string): key is FrequencyKey {
  return (FREQUENCY_KEYS as readonly string[]).includes(key);
}

/**
 * Reads `latency=200,error=10%,code=502,drop=2,stuck=1,fail=50%,requeue=1,ignorecancel=1,on=submit+result`.
 * Rates end in `%`; a bare number means "the first N matching requests", counted per distinct spec
 * (`id=<token>` makes a spec unique). `error` answers `code` (503 by default); `requeue` puts a
 * running run back in the queue once; `ignorecancel` lets a running run finish despite a cancel.
 * `type=<fal error type>` (e.g. `startup_timeout`, `content_policy_violation`) makes `error` answer
 * that error in fal's shape and status, and `fail` runs end in it. Answers undefined for anything else.
 */
export function parseFaults(spec: string): FaultPlan | undefined {
  const plan: FaultPlan = { latencyMs: 0, code: 503 };
  for (const part of spec
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [key = "", value = ""] = part.split("=", 2).map((item) => item.trim());
    if (key === "id" && /^[\w-]{1,64}$/.test(value)) continue;
    if (key === "latency" && /^\d{1,6}$/.test(value)) plan.latencyMs = Number(value);
    else if (key === "type" && (isModelErrorType(value) || isRequestErrorType(value))) plan.errorType = value;
    else if (key === "code" && FAULT_CODES.some((code) => String(code) === value))
      plan.code = Number(value) as FaultCode;
    else if (key === "on" && value.split("+").every((kind) => ROUTE_KINDS.has(kind))) {
      plan.on = new Set(value.split("+") as RouteKind[]);
    } else if (isFrequencyKey(key)) {
      const frequency = parseFrequency(value);
      if (!frequency) return undefined;
      plan[key] = frequency;
    } else return undefined;
  }
  return plan;
}

export function routeKind(pathname: string): RouteKind {
  if (pathname.includes("/api/v1/models/pricing")) return pathname.endsWith("/estimate") ? "estimate" : "pricing";
  if (/\/queue\/[^/]+\/[^/]+\/[^/]+$/.test(pathname) && !pathname.includes("/requests/")) return "submit";
  if (pathname.endsWith("/status/stream")) return "stream";
  if (pathname.endsWith("/status")) return "status";
  if (pathname.endsWith("/cancel")) return "cancel";
  if (pathname.includes("/requests/")) return "result";
  if (pathname.includes("/rest/") || pathname.includes("/upload/")) return "storage";
  return "files";
}

export type FaultInjectorOptions = { plan?: FaultPlan; allowHeader: boolean; random?: () => number };

const GATEWAY_PAGES: Partial<Record<FaultCode, string>> = { 502: "502 Bad Gateway", 504: "504 Gateway Time-out" };

/** An error answer as the thing in the way would give it: HTML from a gateway, JSON otherwise. */
function errorResponse(code: FaultCode): Response {
  const page = GATEWAY_PAGES[code];
  if (page) {
    const html = `<html><head><title>${page}</title></head><body><center><h1>${page}</h1></center></body></html>`;
    return new Response(html, { status: code, headers: { "content-type": "text/html" } });
  }
  const detail = {
    401: "Simulated fault: this key is not valid.",
    403: "Simulated fault: this key may not use this API.",
    429: "Simulated fault: too many requests.",
    500: "Simulated fault: internal server error.",
  }[code as 401 | 403 | 429 | 500];
  return Response.json({ detail: detail ?? "Simulated fault: the service is unavailable." }, { status: code });
}

/** A body that breaks mid-answer, as a dropped connection looks to the client: a stream breaks after its first bytes. */
function droppedResponse(kind: RouteKind): Response {
  const chunks = kind === "stream" ? [new TextEncoder().encode(": ping\n\n")] : [];
  const body = new ReadableStream({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk) controller.enqueue(chunk);
      else controller.error(new Error("simulated dropped connection"));
    },
  });
  const contentType = kind === "stream" ? "text/event-stream" : "application/json";
  return new Response(body, { status: 200, headers: { "content-type": contentType } });
}

/** Decides, per request, which simulated fault (if any) the simulator plays. Off unless configured. */
export class FaultInjector {
  private readonly counts = new Map<string, number>();
  private readonly random: () => number;

  constructor(private readonly options: FaultInjectorOptions) {
    this.random = options.random ?? Math.random;
  }

  private planFor(request: Request): { plan: FaultPlan; scope: string } | { invalid: true } | undefined {
    const header = this.options.allowHeader ? request.headers.get(FAULTS_HEADER) : null;
    if (header) {
      const plan = parseFaults(header);
      return plan ? { plan, scope: header } : { invalid: true };
    }
    return this.options.plan && { plan: this.options.plan, scope: "env" };
  }

  private fires(frequency: Frequency | undefined, scope: string, name: string): boolean {
    if (!frequency) return false;
    if ("rate" in frequency) return this.random() < frequency.rate;
    const key = `${scope}|${name}`;
    const used = this.counts.get(key) ?? 0;
    if (used >= frequency.first) return false;
    this.counts.set(key, used + 1);
    return true;
  }

  /** An answer that replaces the real one (an error or a drop), after any latency; else undefined. */
  async beforeRequest(request: Request, pathname: string): Promise<Response | undefined> {
    const found = this.planFor(request);
    if (!found) return undefined;
    if ("invalid" in found) return Response.json({ detail: `Unreadable ${FAULTS_HEADER} header.` }, { status: 400 });
    const { plan, scope } = found;
    const kind = routeKind(pathname);
    if (plan.on && !plan.on.has(kind)) return undefined;
    if (plan.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.latencyMs));
    if (this.fires(plan.error, scope, `error:${kind}`)) {
      if (!plan.errorType) return errorResponse(plan.code);
      const answer = falErrorAnswer(plan.errorType);
      return json(answer.body, answer.httpStatus, answer.headers);
    }
    if (this.fires(plan.drop, scope, `drop:${kind}`)) return droppedResponse(kind);
    return undefined;
  }

  /** The faults a run being submitted will play. */
  runFaults(request: Request): RunFaults | undefined {
    const found = this.planFor(request);
    if (!found || "invalid" in found) return undefined;
    const { plan, scope } = found;
    const play = (["stuck", "fail", "requeue"] as const).find((name) => this.fires(plan[name], scope, name));
    const ignoreCancel = this.fires(plan.ignorecancel, scope, "ignorecancel");
    const errorType = play === "fail" ? plan.errorType : undefined;
    return play || ignoreCancel ? { play, ignoreCancel, ...(errorType && { errorType }) } : undefined;
  }
}
