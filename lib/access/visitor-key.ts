/**
 * "Bring your own fal key": the visitor's key lives in sessionStorage and travels only to our proxy
 * (and our pricing route) in this header. It must not start with `x-fal-`: @fal-ai/server-proxy forwards those upstream.
 */
export const VISITOR_KEY_HEADER = "x-playground-fal-key";
export const VISITOR_KEY_STORAGE = "fal-lora-playground:fal-key";

/** fal keys are `<key id>:<secret>`; this only rules out what cannot be one. */
export function isPlausibleFalKey(value: string): boolean {
  return /^[A-Za-z0-9_-]{4,100}:[A-Za-z0-9_-]{8,200}$/.test(value);
}
