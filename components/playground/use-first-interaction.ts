"use client";

import { useEffect } from "react";

const INTERACTIONS = ["pointerdown", "keydown", "focusin"] as const;

/**
 * Calls `start` once, at the visitor's first press, key or focus anywhere on the page. What the
 * first check and the first Run need then loads while they write, instead of with the page.
 */
export function useFirstInteraction(start: () => void): void {
  useEffect(() => {
    const options = { capture: true, passive: true } as const;
    const stop = () => INTERACTIONS.forEach((type) => window.removeEventListener(type, once, options));
    function once() {
      stop();
      start();
    }
    INTERACTIONS.forEach((type) => window.addEventListener(type, once, options));
    return stop;
  }, [start]);
}
