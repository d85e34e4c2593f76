import "server-only";
import { z } from "zod";

const envSchema = z.object({
  FAL_KEY: z.string().trim().min(1).optional(),
  FAL_MODE: z.enum(["fal", "simulator"]).optional(),
  SIMULATOR_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Delay per inference step; 30 steps at 33 ms is about a second. */
  SIMULATOR_STEP_MS: z.coerce.number().int().min(0).max(60_000).default(33),
  /** How long finished runs and stored files are kept. */
  SIMULATOR_TTL_SECONDS: z.coerce.number().int().min(1).default(3600),
  /** Where the proxy reaches the simulator; defaults to this server on 127.0.0.1. */
  SIMULATOR_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  /** Bytes of stored files kept at most (least recently used go first). */
  SIMULATOR_MAX_STORE_BYTES: z.coerce.number().int().min(1_000_000).default(512 * 1024 * 1024),
  /** "1" only under the browser tests: opens routes that let tests read what the simulator received. */
  PLAYGROUND_TEST_HOOKS: z
    .enum(["0", "1"])
    .default("0")
    .transform((flag) => flag === "1"),
});

export type ServerEnv = z.infer<typeof envSchema> & { mode: "fal" | "simulator" };

function readEnv(source: NodeJS.ProcessEnv): ServerEnv {
  const parsed = envSchema.safeParse(blankToUndefined(source));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${fields.join("; ")}`);
  }
  const env = parsed.data;
  const mode = env.FAL_MODE ?? (env.FAL_KEY ? "fal" : "simulator");
  return { ...env, mode };
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
