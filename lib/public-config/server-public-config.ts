import "server-only";
import { fixedRequestOptions, type ServerEnv, serverEnv } from "@/lib/env";
import type { PublicConfig } from "./public-config";

/** This server's public configuration, from its environment. */
export function publicConfig(env: ServerEnv = serverEnv()): PublicConfig {
  return {
    mode: env.mode,
    serverHasKey: Boolean(env.FAL_KEY),
    submitsPerMinute: env.RATE_LIMIT_SUBMITS_PER_MINUTE,
    submitWindowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
    fixedRequestOptions: fixedRequestOptions(env),
  };
}
