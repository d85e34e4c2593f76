"use client";

import { type ComponentProps, useCallback, useState } from "react";
import { useFirstInteraction } from "@/components/playground/use-first-interaction";
import { lazyComponent } from "@/components/ui/lazy-component";

// The price beside Run and the pricing code behind it load at the visitor's first press, key or
// focus, with what the first Run needs: never with the page.
const RunPriceHint = lazyComponent(() => import("./run-price-hint").then((module) => module.RunPriceHint));

/**
 * What one run is expected to cost, beside Run, from the visitor's first interaction on. Its width
 * is kept from the first paint on, so the price arriving later does not push Run and Sweep aside (CLS).
 */
export function RunPrice(props: ComponentProps<typeof RunPriceHint>) {
  const [wanted, setWanted] = useState(false);
  useFirstInteraction(useCallback(() => setWanted(true), []));
  return <div className="flex w-28 shrink-0 justify-end">{wanted && <RunPriceHint {...props} />}</div>;
}
