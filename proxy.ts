import { NextResponse, type NextRequest } from "next/server";
import { gateDecision } from "@/lib/access/gate";
import { ACCESS_COOKIE, accessConfig } from "@/lib/access/session";
import { serverEnv } from "@/lib/env";
import { API_CONTENT_SECURITY_POLICY, COMMON_SECURITY_HEADERS, pageContentSecurityPolicy } from "@/lib/security/headers";

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

/** Runs before every route: the shared-password gate, then the security headers (a fresh nonce per page). */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const decision = gateDecision(accessConfig(serverEnv()), {
    pathname,
    cookie: request.cookies.get(ACCESS_COOKIE)?.value,
    authorization: request.headers.get("authorization"),
  });
  if (decision === "refuse") {
    const refusal = NextResponse.json({ detail: "Sign in to this playground first." }, { status: 401 });
    return withSecurityHeaders(refusal, API_CONTENT_SECURITY_POLICY);
  }
  if (decision === "sign-in") {
    const signIn = new URL("/sign-in", request.url);
    return withSecurityHeaders(NextResponse.redirect(signIn, 303), API_CONTENT_SECURITY_POLICY);
  }
  if (isApi) return withSecurityHeaders(NextResponse.next(), API_CONTENT_SECURITY_POLICY);

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  // A test-only fake fal (FAL_UPSTREAM_ORIGIN) hands out upload URLs on its own origin.
  const fakeFal = serverEnv().FAL_UPSTREAM_ORIGIN;
  const policy = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development", fakeFal ? [new URL(fakeFal).origin] : []);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
