import { FAL_MEDIA_SOURCES } from "@/lib/fal/media-hosts";

/** fal's media hosts, and its API hosts the browser uploads to (the upload URLs on *.fal.ai). */
const FAL_CDN = [...FAL_MEDIA_SOURCES, "https://*.fal.ai"].join(" ");

type PagePolicyOptions = {
  /** Hash-sources of the page's scripts, and for a page rendered per request its nonce-source. */
  scriptSources: string[];
  development: boolean;
  extraOrigins?: string[];
};

/**
 * The page's policy. Scripts run only when a hash or nonce in `scriptSources` allows them, or when
 * such a script inserted them ('strict-dynamic'); browsers that predate 'strict-dynamic' fall back to
 * 'self'. Styles allow inline because React writes `style` attributes; images allow any https host,
 * since an init image may be any URL the user pastes.
 */
export function pageContentSecurityPolicy({
  scriptSources,
  development,
  extraOrigins = [],
}: PagePolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...scriptSources, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])].join(" ")}`,
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

/** A fresh nonce-source, for a page rendered per request (Next stamps the nonce on its own scripts). */
export function freshNonceSource(): { nonce: string; source: string } {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  return { nonce, source: `'nonce-${nonce}'` };
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
