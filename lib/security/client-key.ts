/**
 * The key a client is rate-limited under. Next keeps an `x-forwarded-for` the client sent, so the
 * header is only believed behind a reverse proxy the operator runs (TRUST_PROXY=1); then the last
 * entry is the one that proxy added. Otherwise every client shares one bucket: coarse, not forgeable.
 */
export function clientKey(headers: Headers, trustProxy: boolean): string {
  if (!trustProxy) return "all-clients";
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops.at(-1) ?? "unknown-client";
}
