import { ACCESS_COOKIE, type AccessConfig, isValidAccessCookie } from "./session";

export type GateDecision = "allow" | "sign-in" | "refuse";

/** The page's icons and link-preview image say nothing private: sign-in and link previews need them. */
const PUBLIC_ASSETS = ["/favicon.ico", "/icon.svg", "/apple-icon.png", "/opengraph-image.png", "/manifest.webmanifest"];
const OPEN_PATHS = new Set(["/sign-in", "/api/access/sign-in", "/api/health", ...PUBLIC_ASSETS]);
const SIMULATOR_API = /^\/api\/simulator\/(queue|rest)\//;

type GateRequest = { pathname: string; cookie: string | undefined };

/**
 * With a password set, everything but the sign-in page and health needs the signed cookie. The
 * simulator's queue and storage API is left to the simulator, which answers it only with this
 * process's hop secret (only the proxy has it), password or not.
 */
export function gateDecision(config: AccessConfig | undefined, request: GateRequest, nowMs = Date.now()): GateDecision {
  if (!config || OPEN_PATHS.has(request.pathname) || SIMULATOR_API.test(request.pathname)) return "allow";
  if (isValidAccessCookie(config, request.cookie, nowMs)) return "allow";
  return request.pathname.startsWith("/api/") ? "refuse" : "sign-in";
}

export { ACCESS_COOKIE };
