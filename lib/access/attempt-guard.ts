import "server-only";
import { sleep } from "@/lib/async/sleep";

/** What became of one sign-in attempt. */
export type AttemptOutcome = "signed-in" | "wrong" | "busy";

export type AttemptGuardOptions = {
  /** Attempts of one bucket checked or held at once; past it, an attempt is turned away unchecked. */
  maxInFlight: number;
  /** The hold on the first wrong answer in a bucket; it doubles with each failure after, up to `maxHoldMs`. */
  firstHoldMs: number;
  maxHoldMs: number;
  /** How long a failure counts towards the hold. */
  windowMs: number;
  /** Buckets remembered at most; past it, those with nothing recent or in flight are forgotten. */
  maxBuckets?: number;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
};

type Bucket = { failures: number[]; inFlight: number };

const MAX_REMEMBERED_FAILURES = 32;

/**
 * Guards a password check. A correct password signs in at once and counts nothing; a wrong one
 * counts against its bucket and its answer is held, longer with each recent failure, while its
 * slot stays taken (even if the client gave up). With at most `maxInFlight` slots a bucket, one
 * client (an address) guesses at most maxInFlight / hold per second, and nobody else waits on it.
 */
export function createAttemptGuard(options: AttemptGuardOptions) {
  const now = options.now ?? Date.now;
  const wait = options.wait ?? ((ms: number) => sleep(ms));
  const maxBuckets = options.maxBuckets ?? 10_000;
  const buckets = new Map<string, Bucket>();

  function bucketOf(key: string): Bucket {
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= maxBuckets) forgetIdle();
      bucket = { failures: [], inFlight: 0 };
      buckets.set(key, bucket);
    }
    bucket.failures = bucket.failures.filter((at) => now() - at < options.windowMs);
    return bucket;
  }

  function forgetIdle(): void {
    for (const [key, bucket] of buckets) {
      if (bucket.inFlight === 0 && bucket.failures.every((at) => now() - at >= options.windowMs)) buckets.delete(key);
    }
  }

  function holdMs(failures: number): number {
    return Math.min(options.maxHoldMs, options.firstHoldMs * 2 ** Math.min(failures - 1, 16));
  }

  return {
    /** Checks an attempt from `key`'s bucket with `check` (which reads the password only when a slot is free). */
    async attempt(key: string, check: () => Promise<boolean> | boolean): Promise<AttemptOutcome> {
      const bucket = bucketOf(key);
      if (bucket.inFlight >= options.maxInFlight) return "busy";
      bucket.inFlight += 1;
      try {
        if (await check()) return "signed-in";
        bucket.failures = [...bucket.failures, now()].slice(-MAX_REMEMBERED_FAILURES);
        await wait(holdMs(bucket.failures.length));
        return "wrong";
      } finally {
        bucket.inFlight -= 1;
      }
    },
    /** Failures counting against a bucket now (for tests and logs). */
    failures(key: string): number {
      return buckets.get(key)?.failures.filter((at) => now() - at < options.windowMs).length ?? 0;
    },
  };
}
