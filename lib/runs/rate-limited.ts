/** A submit the proxy refused with 429; `retryAfterMs` from its Retry-After header, when it had one. */
export class RateLimitedError extends Error {
  constructor(
    readonly retryAfterMs: number | undefined,
    message = "Too many runs started.",
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A fetch for the fal client that submits runs: a 429 becomes a RateLimitedError carrying its
 * Retry-After. The client would otherwise retry a 429 itself, blind to Retry-After, within a
 * window that has not ended (docs/fal.md#client-retries); it does not retry an error that is
 * neither an HTTP error of its own nor a network failure.
 */
export function rateLimitAwareFetch(inner: typeof fetch, now: () => number = Date.now): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.status !== 429) return response;
    const body = (await response.json().catch(() => undefined)) as { detail?: unknown } | undefined;
    const message = typeof body?.detail === "string" ? body.detail : undefined;
    throw new RateLimitedError(parseRetryAfter(response.headers.get("retry-after"), now()), message);
  };
}
