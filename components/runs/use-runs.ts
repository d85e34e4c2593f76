"use client";

import { useEffect, useSyncExternalStore } from "react";
import { openRunHistory } from "@/lib/history/run-history";
import { lazyTransport } from "@/lib/runs/lazy-transport";
import { RunManager } from "@/lib/runs/run-manager";

let browserManager: RunManager | undefined;

/** The fal client and the queue calls over it: loaded by the first run or resume, or ahead of it (`preloadRuns`). */
const loadFalTransport = () => import("@/lib/runs/fal-transport").then((module) => module.falTransport);

/** Starts loading what a run needs, so the first Run does not wait for it. */
export function preloadRuns(): void {
  loadFalTransport().catch(() => undefined);
}

/** One manager per page: runs outlive the components that show them (and React's double mounts). */
function runManager(): RunManager {
  browserManager ??= new RunManager({ transport: lazyTransport(loadFalTransport), history: openRunHistory() });
  return browserManager;
}

function isDialogOpen(): boolean {
  return document.querySelector("dialog[open]") !== null;
}

/** The page's runs (live, resumed and from history) and what can be done with them. */
export function useRuns() {
  const manager = runManager();
  // The server renders the manager's first state, the very object the browser starts from, so
  // hydration does not force a second render of the whole page.
  const snapshot = useSyncExternalStore(manager.subscribe, manager.snapshot, manager.snapshot);

  useEffect(() => {
    void manager.load();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented || isDialogOpen()) return;
      const newest = manager.newestActive();
      if (newest) void manager.cancel(newest.id);
    };
    // Back online or shown again (a laptop waking up): runs waiting to reconnect try at once.
    const wake = () => {
      if (document.visibilityState === "visible") manager.wake();
    };
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("online", wake);
    document.addEventListener("visibilitychange", wake);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("online", wake);
      document.removeEventListener("visibilitychange", wake);
    };
  }, [manager]);

  return { ...snapshot, manager };
}
