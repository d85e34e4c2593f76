"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { readVisitorKey, subscribeVisitorKey } from "@/lib/access/visitor-key-store";

export type PlaygroundMode = "fal" | "simulator";

type ModeStatusProps = { mode: PlaygroundMode; serverHasKey: boolean };

/** Which mode runs go to and, on fal, whose key pays: one line, with the details a click away. */
export function ModeStatus({ mode, serverHasKey }: ModeStatusProps) {
  const visitorKey = useSyncExternalStore(
    subscribeVisitorKey,
    () => Boolean(readVisitorKey()),
    () => false,
  );
  const live = mode === "fal";
  const payer = visitorKey
    ? "billed to your fal key"
    : serverHasKey
      ? "billed to this playground's key"
      : "needs your own fal key";
  const details = useRef<HTMLDetailsElement>(null);

  // The details close like a popover: on Esc (which then cancels no run) and on a click elsewhere.
  useEffect(() => {
    const close = (event: Event) => {
      const open = details.current?.open;
      if (!open || (event instanceof PointerEvent && details.current?.contains(event.target as Node))) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        event.preventDefault();
      }
      details.current?.removeAttribute("open");
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close, true);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close, true);
    };
  }, []);

  return (
    <div role="status" className="text-sm sm:relative">
      <details ref={details} className="group">
        <summary
          className={`flex min-h-8 cursor-pointer list-none items-center gap-2 rounded-full border px-3 py-1 [&::-webkit-details-marker]:hidden ${
            live
              ? "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
              : "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          }`}
        >
          <span aria-hidden className={`size-2 rounded-full ${live ? "bg-emerald-500" : "bg-amber-500"}`} />
          <span className="font-medium">{live ? "Live mode" : "Simulator mode"}</span>
          <span className="hidden sm:inline">· {live ? payer : "previews, not fal.ai"}</span>
        </summary>
        <div className="absolute inset-x-4 top-full z-30 mt-2 rounded-lg sm:inset-x-auto sm:right-0 sm:w-88 border border-zinc-200 bg-white p-3 text-zinc-700 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200">
          {live ? (
            <p>
              Runs go to fal.ai{" "}
              {visitorKey
                ? "and are billed to your own fal key (kept in this tab only)."
                : serverHasKey
                  ? "and are billed to this playground's fal key, or to yours if you enter it."
                  : "and need your own fal key: enter it above the settings."}
            </p>
          ) : (
            <p>
              Runs go to the embedded simulator, not to fal.ai. Its images are procedural previews, not Stable Diffusion
              output.{" "}
              {serverHasKey ? (
                <>
                  <code className="font-mono">FAL_MODE=simulator</code> is set on the server.
                </>
              ) : (
                <>
                  Set <code className="font-mono">FAL_KEY</code> on the server to run on fal.ai.
                </>
              )}
            </p>
          )}
        </div>
      </details>
    </div>
  );
}
