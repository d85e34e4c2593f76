import "server-only";
import { serverEnv } from "@/lib/env";
import { readLimited } from "@/lib/http/read-limited";
import { clientKey } from "@/lib/security/client-key";
import { createSubmitLimiter } from "@/lib/security/rate-limit";
import { ACCESS_COOKIE, ACCESS_TTL_SECONDS, accessCookieValue, accessConfig, passwordMatches } from "./session";

const attempts = createSubmitLimiter({ pointsPerMinute: 10 });

/** A password form is a few hundred bytes; nothing bigger is read. */
export const SIGN_IN_BODY_LIMIT = { maxBytes: 16 * 1024, message: "The sign-in form is too large." };

async function readForm(request: Request): Promise<FormData | undefined> {
  const bytes = await readLimited(request.body, SIGN_IN_BODY_LIMIT.maxBytes).catch(() => null);
  if (!bytes) return undefined;
  const type = request.headers.get("content-type") ?? "application/x-www-form-urlencoded";
  return new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData().catch(() => undefined);
}

/** A relative Location: Next's request.url names its own host, not the one the browser used. */
function redirect(path: string): Response {
  return new Response(null, { status: 303, headers: { location: path } });
}

/** Checks the shared password from the sign-in form and sets the signed, httpOnly access cookie. */
export async function handleSignIn(request: Request): Promise<Response> {
  const env = serverEnv();
  const config = accessConfig(env);
  if (!config) return redirect("/");
  const limited = await attempts.consume(clientKey(request.headers, env.TRUST_PROXY));
  if (!limited.ok) return redirect("/sign-in?error=busy");
  const form = await readForm(request);
  const attempt = form?.get("password");
  if (typeof attempt !== "string" || !passwordMatches(config, attempt)) return redirect("/sign-in?error=wrong");
  const response = redirect("/");
  const secure = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const cookie = [
    `${ACCESS_COOKIE}=${accessCookieValue(config)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${ACCESS_TTL_SECONDS}`,
    ...(secure ? ["Secure"] : []),
  ];
  response.headers.append("set-cookie", cookie.join("; "));
  return response;
}
