/**
 * What a caught value says, for a message to the user: an Error's own message, else `fallback`
 * (the value as text when none is given). Anything may be thrown, and an Error may say nothing.
 */
export function messageOf(error: unknown, fallback?: string): string {
  return error instanceof Error && error.message ? error.message : (fallback ?? String(error));
}
