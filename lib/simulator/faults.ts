import "server-only";
import { FAULTS_HEADER } from "./fault-header";

/** How often a fault fires: a share of requests (`10%`) or the first N matching ones (`2`). */
type Frequency = { rate: number } | { first: number };

export type RouteKind = "submit" | "status" | "stream" | "result" | "cancel" | "storage" | "files";
export type RunFault = "stuck" | "fail";

export type FaultPlan = {
  latencyMs: number;
  error?: Frequency;
  drop?: Frequency;
  stuck?: Frequency;
  fail?: Frequency;
  /** Routes that latency, errors and drops apply to; every route when unset. */
  on?: Set<RouteKind>;
};

const ROUTE_KINDS = new Set<string>(["submit", "status", "stream", "result", "cancel", "storage", "files"]);

function parseFrequency(value: string): Frequency | undefined {
  const percent = /^(\d{1,3}(?:\.\d+)?)%$/.exec(value);
  if (percent) {
    const rate = Number(percent[1]) / 100;
    return rate <= 1 ? { rate } : undefined;
  }
  return /^\d{1,6}$/.test(value) ? { first: Number(value) } : undefined;
}

/**
 * Reads `latency=200,error=10%,drop=2,stuck=1,fail=50%,on=submit+result`. Rates end in `%`; a bare
 * number means "the first N matching requests", counted per distinct spec (`id=<token>` makes a spec
 * unique). Answers undefined for anything else.
 */
export function parseFaults(spec: string): FaultPlan | undefined {
  const plan: FaultPlan = { latencyMs: 0 };
  for (const part of spec.split(",").map((item) => item.trim()).filter(Boolean)) {
    const [key = "", value = ""] = part.split("=", 2).map((item) => item.trim());
    if (key === "id" && /^[\w-]{1,64}$/.test(value)) continue;
    if (key === "latency" && /^\d{1,6}$/.test(value)) plan.latencyMs = Number(value);
    else if (key === "on" && value.split("+").every((kind) => ROUTE_KINDS.has(kind))) {
      plan.on = new Set(value.split("+") as RouteKind[]);
    } else if (key === "error" || key === "drop" || key === "stuck" || key === "fail") {
      const frequency = parseFrequency(value);
      if (!frequency) return undefined;
      plan[key] = frequency;
    } else return undefined;
  }
  return plan;
}

export function routeKind(pathname: string): RouteKind {
  if (/\/queue\/[^/]+\/[^/]+\/[^/]+$/.test(pathname) && !pathname.includes("/requests/")) return "submit";
  if (pathname.endsWith("/status/stream")) return "stream";
  if (pathname.endsWith("/status")) return "status";
  if (pathname.endsWith("/cancel")) return "cancel";
  if (pathname.includes("/requests/")) return "result";
  if (pathname.includes("/rest/") || pathname.includes("/upload/")) return "storage";
  return "files";
}

export type FaultInjectorOptions = { plan?: FaultPlan; allowHeader: boolean; random?: () => number };

/** A body that breaks mid-answer, as a dropped connection looks to the client. */
function droppedResponse(): Response {
  const body = new ReadableStream({ start: (controller) => controller.error(new Error("simulated dropped connection")) });
  return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
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
      return Response.json({ detail: "Simulated fault: the service is unavailable." }, { status: 503 });
    }
    if (this.fires(plan.drop, scope, `drop:${kind}`)) return droppedResponse();
    return undefined;
  }

  /** Whether a run being submitted will hang or fail. */
  runFault(request: Request): RunFault | undefined {
    const found = this.planFor(request);
    if (!found || "invalid" in found) return undefined;
    if (this.fires(found.plan.stuck, found.scope, "stuck")) return "stuck";
    if (this.fires(found.plan.fail, found.scope, "fail")) return "fail";
    return undefined;
  }
}
