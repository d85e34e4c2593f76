import "server-only";
import {
  FILE_LIFETIMES,
  type FixedRequestOptions,
  lifecycleValue,
  readRequestHeader,
  REQUEST_HEADERS,
  type RequestHeader,
} from "@/lib/fal/request-options";
import type { ProxyRoute } from "./target";

/**
 * The only `x-fal-*` headers a browser may have forwarded to fal, per call (docs/fal.md#request-options):
 * the submit's request options, and the upload's file lifetime. Every other `x-fal-*` header (a
 * runner hint, fal's no-retry switch, one made up) stays here.
 */
const ROUTE_HEADERS: Partial<Record<ProxyRoute, readonly RequestHeader[]>> = {
  submit: [
    REQUEST_HEADERS.startTimeout,
    REQUEST_HEADERS.priority,
    REQUEST_HEADERS.storeIo,
    REQUEST_HEADERS.resultLifecycle,
  ],
  "storage-initiate": [REQUEST_HEADERS.uploadLifecycle],
};

/** What the operator fixed for a header: the value to send, null to send none, undefined when it is the visitor's. */
function fixedValue(header: RequestHeader, fixed: FixedRequestOptions): string | null | undefined {
  switch (header) {
    case REQUEST_HEADERS.startTimeout:
      return fixed.startTimeoutSeconds === undefined ? undefined : String(fixed.startTimeoutSeconds);
    case REQUEST_HEADERS.priority:
      return fixed.priority;
    case REQUEST_HEADERS.storeIo:
      return fixed.storeIo === undefined ? undefined : fixed.storeIo ? null : "0";
    default:
      if (fixed.fileLifetime === undefined) return undefined;
      return fixed.fileLifetime === "default" ? null : lifecycleValue(FILE_LIFETIMES[fixed.fileLifetime]);
  }
}

export type FalRequestHeaders = { ok: true; headers: Record<string, string> } | { ok: false; detail: string };

/**
 * The request option headers to send fal for this call: the operator's fixed values, else the
 * visitor's, each checked (a bad value is refused with a message naming the header).
 */
export function falRequestHeaders(route: ProxyRoute, incoming: Headers, fixed: FixedRequestOptions): FalRequestHeaders {
  const headers: Record<string, string> = {};
  for (const header of ROUTE_HEADERS[route] ?? []) {
    const pinned = fixedValue(header, fixed);
    if (pinned !== undefined) {
      if (pinned !== null) headers[header] = pinned;
      continue;
    }
    const raw = incoming.get(header);
    if (raw === null) continue;
    const reading = readRequestHeader(header, raw);
    if (!reading.ok) return { ok: false, detail: reading.message };
    headers[header] = reading.value;
  }
  return { ok: true, headers };
}
