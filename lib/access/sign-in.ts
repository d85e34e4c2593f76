import "server-only";
import { serverEnv } from "@/lib/env";
import { readLimited } from "@/lib/http/read-limited";
import { clientKey } from "@/lib/security/client-key";
import { createAttemptGuard } from "./attempt-guard";
import { ACCESS_COOKIE, ACCESS_TTL_SECONDS, accessCookieValue, accessConfig, passwordMatches } from "./session";

/**
 * Two attempts an address at once, a wrong answer held 1 s, doubling with each failure of the
 * last 15 minutes up to 8 s: past the first few, a guess every 4 s an address at most, while
 * other addresses, and the right password, are never kept out by it.
 */
const guard = createAttemptGuard({ maxInFlight: 2, firstHoldMs: 1_000, maxHoldMs: 8_000, windowMs: 15 * 60_000 });

/** A password form is a few hundred bytes; nothing bigger is read. */
export const SIGN_IN_BODY_LIMIT = { maxBytes: 16 * 1024, message: "The sign-in form is too large." };

async function readForm(request: Request): Promise<FormData | undefined> {
  const bytes = await readLimited(request.body, SIGN_IN_BODY_LIMIT.maxBytes);
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
  const outcome = await guard.attempt(clientKey(request.headers, env.TRUST_PROXY), async () => {
    const attempt = (await readForm(request))?.get("password");
    return typeof attempt === "string" && passwordMatches(config, attempt);
  });
  if (outcome !== "signed-in") return redirect(`/sign-in?error=${outcome}`);
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
