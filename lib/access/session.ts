import { createHmac, timingSafeEqual } from "node:crypto";

export const ACCESS_COOKIE = "playground_access";
export const ACCESS_TTL_SECONDS = 7 * 24 * 3600;

export type AccessConfig = { password: string; secret: string };

/** The cookie-signing secret: the configured one, else one derived from the password. */
export function accessConfig(env: {
  PLAYGROUND_PASSWORD?: string;
  PLAYGROUND_SESSION_SECRET?: string;
}): AccessConfig | undefined {
  if (!env.PLAYGROUND_PASSWORD) return undefined;
  const secret =
    env.PLAYGROUND_SESSION_SECRET ??
    createHmac("sha256", env.PLAYGROUND_PASSWORD).update("access-cookie").digest("hex");
  return { password: env.PLAYGROUND_PASSWORD, secret };
}

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function passwordMatches(config: AccessConfig, attempt: string): boolean {
  return sameText(sign(config.secret, attempt), sign(config.secret, config.password));
}

/** `<expiry seconds>.<signature>`: nothing secret inside, forged or expired values fail. */
export function accessCookieValue(config: AccessConfig, nowMs = Date.now()): string {
  const expiry = String(Math.floor(nowMs / 1000) + ACCESS_TTL_SECONDS);
  return `${expiry}.${sign(config.secret, expiry)}`;
}

export function isValidAccessCookie(config: AccessConfig, value: string | undefined, nowMs = Date.now()): boolean {
  const [expiry = "", signature = ""] = (value ?? "").split(".");
  if (!/^\d{1,12}$/.test(expiry) || Number(expiry) * 1000 <= nowMs) return false;
  return sameText(signature, sign(config.secret, expiry));
}
