"use client";

import { useEffect, useSyncExternalStore } from "react";
import { openRunHistory } from "@/lib/history/run-history";
import { falTransport } from "@/lib/runs/fal-transport";
import { RunManager, type RunsSnapshot } from "@/lib/runs/run-manager";
import { preloadResults } from "./preload-results";

const SERVER_SNAPSHOT: RunsSnapshot = { runs: [], liveIds: new Set(), loaded: false };

let browserManager: RunManager | undefined;

/** One manager per page: runs outlive the components that show them (and React's double mounts). */
function runManager(): RunManager {
  browserManager ??= new RunManager({ transport: falTransport, history: openRunHistory() });
  return browserManager;
}

// History is read as soon as this module runs in the browser, alongside hydration rather than after it.
if (typeof window !== "undefined") void runManager().load();

function isDialogOpen(): boolean {
  return document.querySelector("dialog[open]") !== null;
}

/** The page's runs (live, resumed and from history) and what can be done with them. */
export function useRuns() {
  const manager = runManager();
  const snapshot = useSyncExternalStore(manager.subscribe, manager.snapshot, () => SERVER_SNAPSHOT);

  useEffect(() => {
    void manager.load();
    const stopPreloading = preloadResults(manager);
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
      stopPreloading();
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("online", wake);
      document.removeEventListener("visibilitychange", wake);
    };
  }, [manager]);

  return { ...snapshot, manager };
}
