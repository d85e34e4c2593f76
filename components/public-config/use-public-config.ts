"use client";

import { useMemo, useSyncExternalStore } from "react";
import type { PublicConfig } from "@/lib/public-config/public-config";
import { readPublicConfigSnapshot, subscribePublicConfig } from "@/lib/public-config/public-config-store";
import type { SubmitLimit } from "@/lib/sweeps/pacer";

const unknownOnTheServer = () => undefined;

/**
 * The server's public configuration; undefined in the prerendered page and until its answer arrives,
 * where what depends on it shows a placeholder of the same size (docs/architecture.md).
 */
export function usePublicConfig(): PublicConfig | undefined {
  return useSyncExternalStore(subscribePublicConfig, readPublicConfigSnapshot, unknownOnTheServer);
}

/** The pace runs and sweeps keep (the server's submits per window), once the page knows it. */
export function useSubmitLimit(): SubmitLimit | undefined {
  const config = usePublicConfig();
  return useMemo(
    () => config && { perMinute: config.submitsPerMinute, windowMs: config.submitWindowSeconds * 1000 },
    [config],
  );
}
