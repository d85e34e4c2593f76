"use client";

import { useEffect, useRef } from "react";
import type { RunLog } from "@/lib/runs/run-state";

/** A run's logs, folded to their newest line; opened, the list follows new lines. */
export function RunLogs({ logs }: { logs: readonly RunLog[] }) {
  const logRef = useRef<HTMLOListElement>(null);
  const scrollToEnd = () => {
    // Braces matter: newer Chromium returns a promise from scrollTo, which an effect must not return.
    logRef.current?.scrollTo({ top: logRef.current.scrollHeight });
  };
  useEffect(scrollToEnd, [logs.length]);
  return (
    <details className="group rounded bg-zinc-950 text-xs text-zinc-100" onToggle={scrollToEnd}>
      <summary className="flex min-h-7 cursor-pointer items-center gap-2 rounded px-2 py-1 font-mono">
        <span className="shrink-0">Logs ({logs.length})</span>
        <span className="truncate text-zinc-400 group-open:hidden">{logs.at(-1)?.message}</span>
      </summary>
      {/* Focusable so the keyboard can scroll it: not every browser makes a scroller a tab stop. */}
      <ol
        ref={logRef}
        aria-label="Run logs"
        tabIndex={0}
        className="max-h-32 overflow-y-auto rounded px-2 pb-2 font-mono focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-400"
      >
        {logs.map((log, index) => (
          <li key={`${log.timestamp}-${index}`}>{log.message}</li>
        ))}
      </ol>
    </details>
  );
}
