"use client";

import dynamic from "next/dynamic";
import { type ComponentProps, useEffect, useState } from "react";
import { pageIdle } from "@/lib/async/page-idle";

// The price beside Run and the pricing code behind it load once the page is idle, never with it.
const RunPriceHint = dynamic(() => import("./run-price-hint").then((module) => module.RunPriceHint), { ssr: false });

/** What one run is expected to cost, beside Run, from the moment the page is first idle. */
export function RunPrice(props: ComponentProps<typeof RunPriceHint>) {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let mounted = true;
    void pageIdle().then(() => mounted && setIdle(true));
    return () => {
      mounted = false;
    };
  }, []);
  return idle ? <RunPriceHint {...props} /> : null;
}
