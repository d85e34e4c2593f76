import { APP_ID, ENDPOINT_ID, FAL_QUEUE_HOST, FAL_REST_HOST, FAL_STORAGE_TYPE } from "@/lib/fal/endpoint";
import { parseHttpUrl } from "@/lib/http/http-url";

/** The only upstream calls the playground makes, in fal's own URLs (docs/fal.md#queue-protocol, #storage-uploads). */
export type ProxyRoute = "submit" | "status" | "status-stream" | "result" | "cancel" | "storage-initiate";

export type ProxyTarget = { route: ProxyRoute; url: URL };

export type TargetRefusal = { status: 400 | 403 | 405; detail: string };

const REQUEST_ID = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";

type RouteRule = {
  route: ProxyRoute;
  method: string;
  host: string;
  path: RegExp;
  query: (params: URLSearchParams) => boolean;
};

const noQuery = (params: URLSearchParams) => params.size === 0;
const logsQuery = (params: URLSearchParams) =>
  params.size === 0 || (params.size === 1 && ["0", "1"].includes(params.get("logs") ?? ""));
const submitQuery = (params: URLSearchParams) =>
  params.size === 0 || (params.size === 1 && isWebhookUrl(params.get("fal_webhook")));
const storageQuery = (params: URLSearchParams) => params.size === 1 && params.get("storage_type") === FAL_STORAGE_TYPE;

const RULES: RouteRule[] = [
  { route: "submit", method: "POST", host: FAL_QUEUE_HOST, path: exact(`/${ENDPOINT_ID}`), query: submitQuery },
  { route: "status", method: "GET", host: FAL_QUEUE_HOST, path: requestPath("/status"), query: logsQuery },
  {
    route: "status-stream",
    method: "GET",
    host: FAL_QUEUE_HOST,
    path: requestPath("/status/stream"),
    query: logsQuery,
  },
  { route: "result", method: "GET", host: FAL_QUEUE_HOST, path: requestPath(""), query: noQuery },
  { route: "cancel", method: "PUT", host: FAL_QUEUE_HOST, path: requestPath("/cancel"), query: noQuery },
  {
    route: "storage-initiate",
    method: "POST",
    host: FAL_REST_HOST,
    path: exact("/storage/upload/initiate"),
    query: storageQuery,
  },
];

function exact(path: string): RegExp {
  return new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
}

function requestPath(suffix: string): RegExp {
  return new RegExp(`^/${APP_ID.replace("/", "\\/")}/requests/${REQUEST_ID}${suffix.replace(/\//g, "\\/")}$`);
}

/** A webhook fal may call: http(s), with no credentials in the URL. */
function isWebhookUrl(value: string | null): boolean {
  const url = parseHttpUrl(value);
  return url !== undefined && !url.username && !url.password;
}

/**
 * Decides whether the proxy may forward `method` to `rawTarget` (the `x-fal-target-url` header).
 * Only the exact URLs the fal client builds for this endpoint pass; anything the URL parser would
 * rewrite (encoded characters, dot segments, userinfo, ports, backslashes) is refused as it stands.
 */
export function matchProxyTarget(method: string, rawTarget: string | null): ProxyTarget | TargetRefusal {
  if (!rawTarget) return { status: 400, detail: "Missing x-fal-target-url header." };
  let url: URL;
  try {
    url = new URL(rawTarget);
  } catch {
    return { status: 400, detail: "The target URL is not a valid URL." };
  }
  if (url.href !== rawTarget || /[%\\]|\/\.{1,2}(\/|$)|\/\//.test(url.pathname)) {
    return { status: 403, detail: "The target URL is not in canonical form." };
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port || url.hash) {
    return { status: 403, detail: "Only plain https URLs of fal are allowed." };
  }
  const candidates = RULES.filter(
    (rule) => rule.host === url.hostname && rule.path.test(url.pathname) && rule.query(url.searchParams),
  );
  if (candidates.length === 0) {
    return { status: 403, detail: `This proxy only serves ${ENDPOINT_ID}; the target is not allowed.` };
  }
  const rule = candidates.find((candidate) => candidate.method === method.toUpperCase());
  if (!rule) {
    return { status: 405, detail: `Method ${method.toUpperCase()} is not allowed for this target.` };
  }
  return { route: rule.route, url };
}

export function isRefusal(match: ProxyTarget | TargetRefusal): match is TargetRefusal {
  return "status" in match;
}
