import { NextResponse, type NextRequest } from "next/server";
import { gateDecision } from "@/lib/access/gate";
import { ACCESS_COOKIE, accessConfig } from "@/lib/access/session";
import { serverEnv } from "@/lib/env";
import { SIGN_IN_FIRST } from "@/lib/http/guarded-route";
import { PUBLIC_CONFIG_COOKIE } from "@/lib/public-config/public-config";
import { publicConfig } from "@/lib/public-config/server-public-config";
import { API_CONTENT_SECURITY_POLICY, applySecurityHeaders } from "@/lib/security/headers";
import { builtStaticPages, pagePolicyFor } from "@/lib/security/page-policy";

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  applySecurityHeaders(response.headers, policy);
  return response;
}

function withPolicy(headers: Headers, policy: string): Headers {
  const copy = new Headers(headers);
  copy.set("content-security-policy", policy);
  return copy;
}

/** Every page answer renews it; a page shown from a cache after that falls back to asking /api/config. */
const PUBLIC_CONFIG_MAX_AGE_SECONDS = 24 * 3600;

/** The server's public configuration, for the page to read (docs/architecture.md). */
function withPublicConfig(response: NextResponse, secure: boolean): void {
  response.cookies.set(PUBLIC_CONFIG_COOKIE, JSON.stringify(publicConfig()), {
    path: "/",
    sameSite: "lax",
    secure,
    maxAge: PUBLIC_CONFIG_MAX_AGE_SECONDS,
  });
}

/**
 * Runs before pages and the body-less APIs: the shared-password gate, then the security headers
 * (by hash for the prerendered pages, a fresh nonce for the others) and, on pages, the public
 * configuration cookie (docs/architecture.md). The routes that take a body are left out (see
 * `config`) and guard themselves (lib/http/guarded-route.ts).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const decision = gateDecision(accessConfig(serverEnv()), {
    pathname,
    cookie: request.cookies.get(ACCESS_COOKIE)?.value,
  });
  if (decision === "refuse") {
    const refusal = NextResponse.json({ detail: SIGN_IN_FIRST }, { status: 401 });
    return withSecurityHeaders(refusal, API_CONTENT_SECURITY_POLICY);
  }
  if (decision === "sign-in") {
    const signIn = new URL("/sign-in", request.url);
    return withSecurityHeaders(NextResponse.redirect(signIn, 303), API_CONTENT_SECURITY_POLICY);
  }
  if (isApi) return withSecurityHeaders(NextResponse.next(), API_CONTENT_SECURITY_POLICY);

  const development = process.env.NODE_ENV === "development";
  // Test-only stand-ins on their own origins: a fake fal hands out upload URLs, fake Hubs serve LoRA previews.
  const { FAL_UPSTREAM_ORIGIN, HF_ORIGIN, CIVITAI_ORIGIN } = serverEnv();
  const standIns = [FAL_UPSTREAM_ORIGIN, HF_ORIGIN, CIVITAI_ORIGIN].flatMap((origin) =>
    origin ? [new URL(origin).origin] : [],
  );
  const { policy, nonce } = pagePolicyFor(pathname, {
    staticPages: development ? undefined : builtStaticPages(),
    development,
    extraOrigins: [...new Set(standIns)],
  });
  // Next reads a page's nonce from the request's policy, to stamp it on the scripts it writes.
  const response = nonce
    ? NextResponse.next({ request: { headers: withPolicy(request.headers, policy) } })
    : NextResponse.next();
  // Only a page needs the configuration: not its icons, manifest or client-side data requests.
  if (request.headers.get("accept")?.includes("text/html")) {
    withPublicConfig(response, request.nextUrl.protocol === "https:");
  }
  return withSecurityHeaders(response, policy);
}

export const config = {
  // Bodies of the routes left out here would be read whole by Next before any route could refuse them.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/fal/proxy$|api/simulator/|api/access/sign-in$).*)"],
};
