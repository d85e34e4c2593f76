/** The header the proxy uses to tell the simulator which origin the browser sees. */
export const PUBLIC_ORIGIN_HEADER = "x-fal-simulator-origin";

const HOST = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;
const ORIGIN = /^https?:\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}

/**
 * The origin the client addressed, through any reverse proxy: the forwarded host, else the Host
 * header (Next rewrites `request.url` to its own hostname), else the URL's origin.
 */
export function requestOrigin(request: Request): string {
  return originFromHeaders(request.headers, new URL(request.url));
}

/** The same from a request's headers alone (a page's metadata has no Request), else `url`'s origin. */
export function originFromHeaders(headers: Headers, url: URL): string {
  const forwardedHost = firstValue(headers.get("x-forwarded-host"));
  const forwardedProto = firstValue(headers.get("x-forwarded-proto"));
  const hostHeader = headers.get("host") ?? undefined;
  const host = [forwardedHost, hostHeader].find((candidate) => candidate && HOST.test(candidate)) ?? url.host;
  const protocol =
    forwardedProto === "http" || forwardedProto === "https" ? forwardedProto : url.protocol.slice(0, -1);
  return `${protocol}://${host}`;
}

/** The origin a simulator request should hand out URLs for: the one the proxy passed on, if any. */
export function publicOrigin(request: Request): string {
  const passedOn = request.headers.get(PUBLIC_ORIGIN_HEADER);
  return passedOn && ORIGIN.test(passedOn) ? passedOn : requestOrigin(request);
}
