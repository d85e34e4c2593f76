"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { type CardState, cardState, requestCard, subscribe } from "@/lib/lora-info/card-store";
import type { CardQuery } from "@/lib/lora-info/query";

/** A path being typed is looked up once typing pauses; a pasted one at once. */
const TYPING_PAUSE_MS = 500;

/** A path once it has stopped changing: at once when it changed by more than a keystroke or two (a paste), else after a pause. */
export function useSettledPath(path: string): string | undefined {
  const [settled, setSettled] = useState<string>();
  const last = useRef("");
  useEffect(() => {
    const pasted = Math.abs(path.length - last.current.length) > 2;
    last.current = path;
    const timer = setTimeout(() => setSettled(path), pasted ? 0 : TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [path]);
  return settled;
}

/** The card of a query (undefined for none), asked for when first needed and again when a passing problem is due. */
export function useCard(query: CardQuery | undefined): CardState | undefined {
  const key = query ? JSON.stringify(query) : "";
  const state = useSyncExternalStore(
    subscribe,
    () => (query ? cardState(query) : undefined),
    () => undefined,
  );
  useEffect(() => {
    if (!key) return;
    const asked = JSON.parse(key) as CardQuery;
    requestCard(asked);
    const retryAt = state?.status === "ready" ? state.retryAt : undefined;
    if (retryAt === undefined) return;
    const timer = setTimeout(() => requestCard(asked), Math.max(0, retryAt - Date.now()));
    return () => clearTimeout(timer);
  }, [key, state]);
  return state;
}
