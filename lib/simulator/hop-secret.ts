import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";

// On globalThis: the proxy's route and the simulator's are separate bundles in one process.
const holder = globalThis as typeof globalThis & { __falLoraPlaygroundHopSecret?: string };

/**
 * This process's secret for the hop from the proxy to the simulator (a call in-process, or over HTTP
 * to SIMULATOR_ORIGIN): made at start, never configured, never sent anywhere else, so nothing but
 * the proxy can call the queue.
 */
export function simulatorHopSecret(): string {
  holder.__falLoraPlaygroundHopSecret ??= randomBytes(32).toString("base64url");
  return holder.__falLoraPlaygroundHopSecret;
}

export function newHopSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** True when `authorization` is `Key <secret>`, compared in constant time. */
export function carriesHopSecret(authorization: string | null, secret: string): boolean {
  const given = Buffer.from(authorization ?? "");
  const expected = Buffer.from(`Key ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
