import { FAL_MEDIA_SOURCES } from "@/lib/fal/media-hosts";

/** fal's media hosts, and its API hosts the browser uploads to (the upload URLs on *.fal.ai). */
const FAL_CDN = [...FAL_MEDIA_SOURCES, "https://*.fal.ai"].join(" ");

/**
 * The page's policy. Scripts need the per-request nonce (Next stamps it on its own inline scripts);
 * styles allow inline because React writes `style` attributes; images allow any https host, since an
 * init image may be any URL the user pastes.
 */
export function pageContentSecurityPolicy(nonce: string, development: boolean, extraOrigins: string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src ${["'self' blob: data: https:", ...extraOrigins].join(" ")}`,
    `connect-src ${["'self'", FAL_CDN, ...extraOrigins].join(" ")}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API answers and files are never documents to render or frame. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Sent on every answer, pages and API alike. */
export const COMMON_SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

/** Sets the policy and the common headers on an answer's headers. */
export function applySecurityHeaders(headers: Headers, policy: string): void {
  headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) headers.set(name, value);
}
