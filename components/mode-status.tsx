"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { usePublicConfig } from "@/components/public-config/use-public-config";
import { ReservedText } from "@/components/ui/reserved-text";
import { readVisitorKey, subscribeVisitorKey } from "@/lib/access/visitor-key-store";

const LABELS = { fal: "Live mode", simulator: "Simulator mode" } as const;
const DETAILS = {
  visitorKey: "· billed to your fal key",
  serverKey: "· billed to this playground's key",
  noKey: "· needs your own fal key",
  simulator: "· previews, not fal.ai",
} as const;
/** Every wording of the whole line, as wide screens show it. */
const LINES = [
  ...[DETAILS.visitorKey, DETAILS.serverKey, DETAILS.noKey].map((detail) => `${LABELS.fal} ${detail}`),
  `${LABELS.simulator} ${DETAILS.simulator}`,
];

const PILL_COLOURS = {
  fal: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
  simulator: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
  unknown: "border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200",
} as const;
const DOT_COLOURS = { fal: "bg-emerald-500", simulator: "bg-amber-500", unknown: "bg-zinc-300 dark:bg-zinc-600" };

/**
 * Which mode runs go to and, on fal, whose key pays: one line, with the details a click away. The
 * page is static, so the line is empty until the server's configuration arrives, and always as wide
 * as its longest wording, so filling it in moves nothing.
 */
export function ModeStatus() {
  const config = usePublicConfig();
  const visitorKey = useSyncExternalStore(
    subscribeVisitorKey,
    () => Boolean(readVisitorKey()),
    () => false,
  );
  const mode = config?.mode ?? "unknown";
  const live = mode === "fal";
  const serverHasKey = config?.serverHasKey ?? false;
  const label = config && LABELS[config.mode];
  const detail = !config
    ? undefined
    : !live
      ? DETAILS.simulator
      : visitorKey
        ? DETAILS.visitorKey
        : serverHasKey
          ? DETAILS.serverKey
          : DETAILS.noKey;
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
    <div role="status" aria-busy={!config} className="text-sm sm:relative">
      <details ref={details} className="group">
        <summary
          className={`flex min-h-8 cursor-pointer list-none items-center gap-2 rounded-full border px-3 py-1 [&::-webkit-details-marker]:hidden ${PILL_COLOURS[mode]}`}
        >
          <span aria-hidden className={`size-2 rounded-full ${DOT_COLOURS[mode]}`} />
          {/* Reserved in the label's weight, so the lighter details always fit. */}
          <span className="font-medium sm:hidden">
            <ReservedText widths={Object.values(LABELS)}>{label}</ReservedText>
          </span>
          <span className="hidden font-medium sm:inline">
            <ReservedText widths={LINES}>
              {label} <span className="font-normal">{detail}</span>
            </ReservedText>
          </span>
        </summary>
        <div className="absolute inset-x-4 top-full z-30 mt-2 rounded-lg sm:inset-x-auto sm:right-0 sm:w-88 border border-zinc-200 bg-white p-3 text-zinc-700 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200">
          {!config ? (
            <p>Asking this server where runs go…</p>
          ) : live ? (
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
