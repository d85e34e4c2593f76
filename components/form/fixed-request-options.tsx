"use client";

import { createContext, type ReactNode, useEffect } from "react";
import { usePublicConfig } from "@/components/public-config/use-public-config";
import type { FixedRequestOptions } from "@/lib/fal/request-options";
import { requestOptionsStore } from "@/lib/request-options/stored-options";

const NONE_FIXED: FixedRequestOptions = {};

/** The request options this server's operator fixed for every visitor, told by the page. */
export const FixedRequestOptionsContext = createContext<FixedRequestOptions>(NONE_FIXED);

/**
 * fal's request options the operator fixed (docs/fal.md#request-options), none until the page knows:
 * for the Request group, and for the store runs read their options from. It reads the configuration
 * itself, so its arrival re-renders only what reads the context, not the settings around it.
 */
export function FixedRequestOptionsProvider({ children }: { children: ReactNode }) {
  const fixed = usePublicConfig()?.fixedRequestOptions ?? NONE_FIXED;
  useEffect(() => requestOptionsStore.setFixed(fixed), [fixed]);
  return <FixedRequestOptionsContext value={fixed}>{children}</FixedRequestOptionsContext>;
}
