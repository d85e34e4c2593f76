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
  /** The window the points are counted in: a minute unless a test shortens it. */
  windowSeconds?: number;
  /** Keeps separate limits (submits, upload initiates) apart in a shared Redis. */
  name?: string;
  redisUrl?: string;
  /** Builds the Redis client; injected by tests so they never need a server. */
  connectRedis?: (url: string) => Promise<unknown>;
};

const KEY_PREFIX = "fal-lora-playground";

const READY_WAIT_MS = 2_000;
const connections = new Map<string, Promise<unknown>>();

/** One client per URL for the process; waits briefly for it to be ready, so the first calls count in Redis too. */
function connectIoRedis(url: string): Promise<unknown> {
  const existing = connections.get(url);
  if (existing) return existing;
  const connecting = (async () => {
    const { Redis } = await import("ioredis");
    // Without an offline queue a dead Redis fails fast, and the insurance limiter takes over.
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    let warned = false;
    client.on("error", (error: Error) => {
      if (!warned)
        console.warn(`Rate limit: Redis unavailable (${error.message}); counting in memory until it is back.`);
      warned = true;
    });
    client.on("ready", () => (warned = false));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, READY_WAIT_MS);
      client.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return client;
  })();
  connections.set(url, connecting);
  return connecting;
}

/**
 * A per-client limit on submits: memory by default, Redis (shared by every instance) when
 * `redisUrl` is set. When Redis errors, an in-memory limiter of the same size answers instead.
 */
export function createSubmitLimiter(options: SubmitLimiterOptions): SubmitLimiter {
  const shape = {
    points: options.pointsPerMinute,
    duration: options.windowSeconds ?? 60,
    keyPrefix: `${KEY_PREFIX}:${options.name ?? "submit"}`,
  };
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
