import type { FixedRequestOptions } from "@/lib/fal/request-options";
import { isRecord } from "@/lib/json/is-record";
import { readFixedOptions } from "@/lib/request-options/stored-options";

/**
 * What the page needs to know of this server, and nothing secret (docs/architecture.md#the-servers-public-configuration).
 * A new fact is one field here, one check in `readPublicConfig` and one line in `publicConfig()`
 * (server-public-config.ts); the pre-paint script mirrors every field on <html> by itself.
 */
export type PublicConfig = {
  /** Where runs go: fal.ai, or the embedded simulator. */
  mode: "fal" | "simulator";
  /** Whether this server has a fal key of its own (FAL_KEY). */
  serverHasKey: boolean;
  /** Submits one client may make per minute (RATE_LIMIT_SUBMITS_PER_MINUTE); sweeps pace within it. */
  submitsPerMinute: number;
  /** The window that limit counts in, in seconds: a minute, shorter only under test hooks (RATE_LIMIT_WINDOW_SECONDS). */
  submitWindowSeconds: number;
  /** fal's request options the operator fixed for every visitor (FAL_START_TIMEOUT_SECONDS …; docs/fal.md#request-options). */
  fixedRequestOptions: FixedRequestOptions;
};

/** proxy.ts writes it, as JSON, on every page answer; the page's body stays the same bytes for everyone. */
export const PUBLIC_CONFIG_COOKIE = "playground-config";
/** The same as JSON, for a browser that keeps no cookies. */
export const PUBLIC_CONFIG_PATH = "/api/config";

/**
 * The answer read field by field, undefined when any field is missing or wrong. Written by hand
 * rather than with zod, which the page loads only at the form's first use.
 */
export function readPublicConfig(value: unknown): PublicConfig | undefined {
  if (!isRecord(value)) return undefined;
  const { mode, serverHasKey, submitsPerMinute, submitWindowSeconds } = value;
  const fixedRequestOptions = readFixedOptions(value.fixedRequestOptions);
  if (mode !== "fal" && mode !== "simulator") return undefined;
  if (typeof serverHasKey !== "boolean") return undefined;
  if (!isPositiveInteger(submitsPerMinute) || !isPositiveInteger(submitWindowSeconds)) return undefined;
  if (!fixedRequestOptions) return undefined;
  return { mode, serverHasKey, submitsPerMinute, submitWindowSeconds, fixedRequestOptions };
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

/** The configuration in a `document.cookie` string, if it holds a readable one (JSON, URI-encoded as Next writes cookies). */
export function publicConfigFromCookies(cookies: string): PublicConfig | undefined {
  const prefix = `${PUBLIC_CONFIG_COOKIE}=`;
  const value = cookies
    .split(/;\s*/)
    .find((cookie) => cookie.startsWith(prefix))
    ?.slice(prefix.length);
  if (!value) return undefined;
  try {
    return readPublicConfig(JSON.parse(decodeURIComponent(value)));
  } catch {
    return undefined;
  }
}
