/** The header the proxy uses to tell the simulator which origin the browser sees. */
export const PUBLIC_ORIGIN_HEADER = "x-fal-simulator-origin";
/** The header the proxy uses to tell the simulator which client a call is for (TRUST_PROXY=1 only). */
export const CLIENT_HEADER = "x-fal-simulator-client";

const HOST = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;
const ORIGIN = /^https?:\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}

/**
 * The origin the client addressed: the Host header (Next rewrites `request.url` to its own
 * hostname), else the URL's origin. `X-Forwarded-Host`/`-Proto` count only behind the operator's
 * own reverse proxy (TRUST_PROXY=1); otherwise any client could make the upload and file URLs
 * handed to others point at a host of its choosing.
 */
export function requestOrigin(request: Request, trustProxy: boolean): string {
  return originFromHeaders(request.headers, new URL(request.url), trustProxy);
}

/** The same from a request's headers alone (a page's metadata has no Request), else `url`'s origin. */
export function originFromHeaders(headers: Headers, url: URL, trustProxy: boolean): string {
  const forwardedHost = trustProxy ? firstValue(headers.get("x-forwarded-host")) : undefined;
  const forwardedProto = trustProxy ? firstValue(headers.get("x-forwarded-proto")) : undefined;
  const hostHeader = headers.get("host") ?? undefined;
  const host = [forwardedHost, hostHeader].find((candidate) => candidate && HOST.test(candidate)) ?? url.host;
  const protocol = forwardedProto === "http" || forwardedProto === "https" ? forwardedProto : url.protocol.slice(0, -1);
  return `${protocol}://${host}`;
}

/** The origin the proxy passed on with its hop, when it is a plain origin. */
export function passedOnOrigin(request: Request): string | undefined {
  const passedOn = request.headers.get(PUBLIC_ORIGIN_HEADER);
  return passedOn && ORIGIN.test(passedOn) ? passedOn : undefined;
}
