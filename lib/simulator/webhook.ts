import "server-only";
import { stringifyExactJson } from "@/lib/fal/exact-json";
import type { GuardedFetch } from "@/lib/http/public-fetch";

export type WebhookOptions = {
  fetch: GuardedFetch;
  /** Pause before each retry; its length bounds the number of retries. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
};

export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS = [1_000, 4_000, 15_000];

/**
 * POSTs `body` to a `fal_webhook` URL, retrying failures and non-2xx answers a bounded number of
 * times, as fal does (receivers must be idempotent on request_id). Never throws.
 * Resolves true once delivered, false when every attempt failed.
 */
export async function deliverWebhook(url: string, body: unknown, options: WebhookOptions): Promise<boolean> {
  const delays = options.retryDelaysMs ?? DEFAULT_WEBHOOK_RETRY_DELAYS_MS;
  const payload = stringifyExactJson(body);
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    if (attempt > 0) await sleep(delays[attempt - 1] ?? 0);
    try {
      const response = await options.fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: payload,
        timeoutMs: options.timeoutMs ?? 10_000,
        // The receiver's answer is not read: a little of it is enough to see the status.
        maxBytes: 64 * 1024,
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return true;
    } catch {
      // unreachable receiver: retried like a non-2xx answer
    }
  }
  return false;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
