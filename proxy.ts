import { NextResponse, type NextRequest } from "next/server";
import { gateDecision } from "@/lib/access/gate";
import { ACCESS_COOKIE, accessConfig } from "@/lib/access/session";
import { serverEnv } from "@/lib/env";
import { SIGN_IN_FIRST } from "@/lib/http/guarded-route";
import { API_CONTENT_SECURITY_POLICY, applySecurityHeaders, pageContentSecurityPolicy } from "@/lib/security/headers";

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  applySecurityHeaders(response.headers, policy);
  return response;
}

/**
 * Runs before pages and the body-less APIs: the shared-password gate, then the security headers
 * (a fresh nonce per page). The routes that take a body are left out (see `config`) and guard
 * themselves (lib/http/guarded-route.ts).
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

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  // Test-only stand-ins on their own origins: a fake fal hands out upload URLs, fake Hubs serve LoRA previews.
  const { FAL_UPSTREAM_ORIGIN, HF_ORIGIN, CIVITAI_ORIGIN } = serverEnv();
  const standIns = [FAL_UPSTREAM_ORIGIN, HF_ORIGIN, CIVITAI_ORIGIN].flatMap((origin) =>
    origin ? [new URL(origin).origin] : [],
  );
  const policy = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development", [...new Set(standIns)]);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

export const config = {
  // Bodies of the routes left out here would be read whole by Next before any route could refuse them.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/fal/proxy$|api/simulator/|api/access/sign-in$).*)"],
};
