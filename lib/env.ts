import "server-only";
import { z } from "zod";
import {
  FILE_LIFETIMES,
  type FileLifetime,
  type FixedRequestOptions,
  QUEUE_PRIORITIES,
  START_TIMEOUT_LIMITS,
} from "@/lib/fal/request-options";

/** The simulator's settings when the environment leaves them out; a simulator made without options takes them too. */
export const SIMULATOR_DEFAULTS = {
  concurrency: 2,
  /** 30 steps at 33 ms is about a second. */
  stepMs: 33,
  ttlSeconds: 3600,
  maxStoreBytes: 512 * 1024 * 1024,
} as const;

const envSchema = z.object({
  FAL_KEY: z.string().trim().min(1).optional(),
  FAL_MODE: z.enum(["fal", "simulator"]).optional(),
  SIMULATOR_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(SIMULATOR_DEFAULTS.concurrency),
  /** Delay per inference step. */
  SIMULATOR_STEP_MS: z.coerce.number().int().min(0).max(60_000).default(SIMULATOR_DEFAULTS.stepMs),
  /** How long finished runs and stored files are kept. */
  SIMULATOR_TTL_SECONDS: z.coerce.number().int().min(1).default(SIMULATOR_DEFAULTS.ttlSeconds),
  /** Where the proxy reaches the simulator over HTTP; unset, it calls this process's simulator in-process. */
  SIMULATOR_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  /** Bytes of stored files kept at most (least recently used go first). */
  SIMULATOR_MAX_STORE_BYTES: z.coerce.number().int().min(1_000_000).default(SIMULATOR_DEFAULTS.maxStoreBytes),
  /**
   * Lifts the address rule of every server-side fetch of a visitor-given URL (simulator images and
   * webhooks, LoRA headers, share previews): loopback and private addresses become reachable. For tests
   * and self-hosted setups; `SIMULATOR_ALLOW_PRIVATE_URLS` is the older name.
   */
  ALLOW_PRIVATE_URLS: z.enum(["0", "1"]).optional(),
  SIMULATOR_ALLOW_PRIVATE_URLS: z.enum(["0", "1"]).optional(),
  /** Faults the simulator injects, e.g. `latency=200,error=10%,drop=5%,stuck=5%,fail=10%` (lib/simulator/faults.ts). */
  SIMULATOR_FAULTS: z.string().optional(),
  /** Test-only hooks: the fault header, FAL_UPSTREAM_ORIGIN, HF_ORIGIN, CIVITAI_ORIGIN, the submitted-body route. Never in production. */
  PLAYGROUND_TEST_HOOKS: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
  /** Test-only (with PLAYGROUND_TEST_HOOKS=1): where fal mode sends its calls instead of fal's hosts. */
  FAL_UPSTREAM_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  /** Test-only (with PLAYGROUND_TEST_HOOKS=1): where the LoRA cards ask the Hugging Face Hub's API and files. */
  HF_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  /** Test-only (with PLAYGROUND_TEST_HOOKS=1): where the LoRA cards ask Civitai's API. */
  CIVITAI_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  /** A shared password for a deployed playground; unset means open. */
  PLAYGROUND_PASSWORD: z.string().min(8, "PLAYGROUND_PASSWORD must be at least 8 characters").optional(),
  /** Signs the access cookie; derived from the password when unset. Share it between instances. */
  PLAYGROUND_SESSION_SECRET: z.string().min(32).optional(),
  /** Biggest body the proxy accepts; images belong in uploads, not inline. */
  PROXY_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Submits one client may make per minute. */
  RATE_LIMIT_SUBMITS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Test-only (with PLAYGROUND_TEST_HOOKS=1): the rate limits' window, so a paced test need not wait out a minute. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(60).default(60),
  /** Uploads (storage initiates) one client may start per minute. */
  RATE_LIMIT_UPLOADS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** LoRA and model cards one client may look up per minute (a card already looked up costs nothing). */
  RATE_LIMIT_LORA_INFO_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Shares the rate limit between instances; memory when unset. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /**
   * The address visitors reach the playground at (https://lora.example.com), for link previews'
   * absolute image URL. Read when `/` is prerendered, so set it for `npm run build`.
   */
  PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .transform((url) => new URL(url).origin)
    .optional(),
  /*
   * fal's request options, fixed for every visitor (docs/fal.md#request-options); unset, each visitor
   * chooses in the page's Request group.
   */
  /** Seconds fal waits for a runner to start (X-Fal-Request-Timeout). */
  FAL_START_TIMEOUT_SECONDS: z.coerce.number().gt(START_TIMEOUT_LIMITS.above).max(START_TIMEOUT_LIMITS.max).optional(),
  /** The queue priority of every run (X-Fal-Queue-Priority). */
  FAL_QUEUE_PRIORITY: z.enum(QUEUE_PRIORITIES).optional(),
  /** `0` keeps every run's inputs and outputs off fal's request history (X-Fal-Store-IO). */
  FAL_STORE_IO: z.enum(["0", "1"]).optional(),
  /** How long fal keeps uploads and results: `1h`, `1d`, `7d`, `30d`, or `default` (the account's). */
  FAL_FILE_LIFETIME: z
    .enum(["default", ...Object.keys(FILE_LIFETIMES)] as [FileLifetime, ...FileLifetime[]])
    .optional(),
  /** Trust the last hop of x-forwarded-for as the client address (only behind your own reverse proxy). */
  TRUST_PROXY: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
});

type ParsedEnv = z.infer<typeof envSchema>;
export type ServerEnv = Omit<ParsedEnv, "ALLOW_PRIVATE_URLS" | "SIMULATOR_ALLOW_PRIVATE_URLS"> & {
  mode: "fal" | "simulator";
  ALLOW_PRIVATE_URLS: boolean;
};

function readEnv(source: NodeJS.ProcessEnv): ServerEnv {
  const parsed = envSchema.safeParse(blankToUndefined(source));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${fields.join("; ")}`);
  }
  const { ALLOW_PRIVATE_URLS, SIMULATOR_ALLOW_PRIVATE_URLS, ...env } = parsed.data;
  const allowPrivate = (ALLOW_PRIVATE_URLS ?? SIMULATOR_ALLOW_PRIVATE_URLS) === "1";
  const mode = env.FAL_MODE ?? (env.FAL_KEY ? "fal" : "simulator");
  // Outside test hooks the test-only settings are ignored: an upstream or stand-in origin could redirect a real key or a visitor's lookups.
  const FAL_UPSTREAM_ORIGIN = env.PLAYGROUND_TEST_HOOKS ? env.FAL_UPSTREAM_ORIGIN : undefined;
  const HF_ORIGIN = env.PLAYGROUND_TEST_HOOKS ? env.HF_ORIGIN : undefined;
  const CIVITAI_ORIGIN = env.PLAYGROUND_TEST_HOOKS ? env.CIVITAI_ORIGIN : undefined;
  const RATE_LIMIT_WINDOW_SECONDS = env.PLAYGROUND_TEST_HOOKS ? env.RATE_LIMIT_WINDOW_SECONDS : 60;
  return {
    ...env,
    FAL_UPSTREAM_ORIGIN,
    HF_ORIGIN,
    CIVITAI_ORIGIN,
    RATE_LIMIT_WINDOW_SECONDS,
    mode,
    ALLOW_PRIVATE_URLS: allowPrivate,
  };
}

function blankToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([key, value]) => [key, value === "" ? undefined : value]));
}

let cached: ServerEnv | undefined;

/** The server's environment, read and validated once. */
export function serverEnv(): ServerEnv {
  cached ??= readEnv(process.env);
  return cached;
}

export { readEnv };

/** The request options the operator fixed for every visitor; the page shows them as fixed. */
export function fixedRequestOptions(env: ServerEnv): FixedRequestOptions {
  return {
    ...(env.FAL_START_TIMEOUT_SECONDS !== undefined && { startTimeoutSeconds: env.FAL_START_TIMEOUT_SECONDS }),
    ...(env.FAL_QUEUE_PRIORITY && { priority: env.FAL_QUEUE_PRIORITY }),
    ...(env.FAL_STORE_IO && { storeIo: env.FAL_STORE_IO === "1" }),
    ...(env.FAL_FILE_LIFETIME && { fileLifetime: env.FAL_FILE_LIFETIME }),
  };
}

/** Forgets the cached environment; tests change process.env between cases. */
export function resetServerEnv(): void {
  cached = undefined;
}
