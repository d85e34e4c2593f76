"use client";

import { useSyncExternalStore } from "react";
import { quoteSnapshot, subscribeQuote } from "@/lib/pricing/price-client";
import type { PriceQuote } from "@/lib/pricing/quote";

/** The price of a run for this tab's key; undefined while it is asked (the first use asks). */
export function usePriceQuote(): PriceQuote | undefined {
  return useSyncExternalStore(subscribeQuote, quoteSnapshot, () => undefined);
}
