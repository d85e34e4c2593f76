import "server-only";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export type SubmitLimiter = {
  /** Which store keeps the counts: several instances share one only with Redis. */
  store: "memory" | "redis";
  consume: (clientKey: string) => Promise<LimitDecision>;
};

export type SubmitLimiterOptions = {
  pointsPerMinute: number;
  /** Keeps separate limits (submits, upload initiates) apart in a shared Redis. */
  name?: string;
  redisUrl?: string;
  /** Builds the Redis client; injected by tests so they never need a server. */
  connectRedis?: (url: string) => Promise<unknown>;
};

const WINDOW_SECONDS = 60;
const KEY_PREFIX = "fal-lora-playground";

async function connectIoRedis(url: string): Promise<unknown> {
  const { Redis } = await import("ioredis");
  // Without an offline queue a dead Redis fails fast, and the insurance limiter takes over.
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
}

/**
 * A per-client limit on submits: memory by default, Redis (shared by every instance) when
 * `redisUrl` is set. When Redis errors, an in-memory limiter of the same size answers instead.
 */
export function createSubmitLimiter(options: SubmitLimiterOptions): SubmitLimiter {
  const shape = { points: options.pointsPerMinute, duration: WINDOW_SECONDS, keyPrefix: `${KEY_PREFIX}:${options.name ?? "submit"}` };
  const memory = new RateLimiterMemory(shape);
  let limiter: Promise<RateLimiterAbstract> = Promise.resolve(memory);
  if (options.redisUrl) {
    const connect = options.connectRedis ?? connectIoRedis;
    limiter = connect(options.redisUrl).then(
      (storeClient) => new RateLimiterRedis({ ...shape, storeClient, insuranceLimiter: memory }),
    );
  }
  return {
    store: options.redisUrl ? "redis" : "memory",
    consume: async (clientKey) => {
      try {
        await (await limiter).consume(clientKey);
        return { ok: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw rejection;
      }
    },
  };
}
