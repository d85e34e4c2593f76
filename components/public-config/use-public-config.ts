"use client";

import { useSyncExternalStore } from "react";
import type { PublicConfig } from "@/lib/public-config/public-config";
import { readPublicConfigSnapshot, subscribePublicConfig } from "@/lib/public-config/public-config-store";

const unknownOnTheServer = () => undefined;

/**
 * The server's public configuration; undefined in the prerendered page and until its answer arrives,
 * where what depends on it shows a placeholder of the same size (docs/architecture.md).
 */
export function usePublicConfig(): PublicConfig | undefined {
  return useSyncExternalStore(subscribePublicConfig, readPublicConfigSnapshot, unknownOnTheServer);
}
