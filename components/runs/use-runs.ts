"use client";

import { useEffect, useSyncExternalStore } from "react";
import { openRunHistory } from "@/lib/history/run-history";
import { lazyTransport } from "@/lib/runs/lazy-transport";
import { preloadRunFollowing, RunManager, type RunsSnapshot } from "@/lib/runs/run-manager";
import { preloadResults } from "./preload-results";

let browserManager: RunManager | undefined;
/** The manager's state before history is read: what the server renders, and what hydration starts from. */
let firstSnapshot: RunsSnapshot | undefined;

/** The fal client and the queue calls over it: loaded by the first run or resume, or ahead of it (`preloadRuns`). */
const loadFalTransport = () => import("@/lib/runs/fal-transport").then((module) => module.falTransport);

/** The price kept with a run that completed; the pricing code loads with the first such run (or the Run price). */
const currentRunPrice = () => import("@/lib/pricing/price-client").then((module) => module.currentRunPrice());

/** Starts loading what a run needs, so the first Run does not wait for it. */
export function preloadRuns(): void {
  loadFalTransport().catch(() => undefined);
  preloadRunFollowing();
}

/** One manager per page: runs outlive the components that show them (and React's double mounts). */
function runManager(): RunManager {
  if (!browserManager) {
    browserManager = new RunManager({
      transport: lazyTransport(loadFalTransport),
      history: openRunHistory(),
      price: currentRunPrice,
    });
    firstSnapshot = browserManager.snapshot();
  }
  return browserManager;
}

// History is read as soon as this module runs in the browser, alongside hydration rather than after it.
if (typeof window !== "undefined") void runManager().load();

function serverSnapshot(): RunsSnapshot {
  runManager();
  return firstSnapshot as RunsSnapshot;
}

function isDialogOpen(): boolean {
  return document.querySelector("dialog[open]") !== null;
}

/** The page's runs (live, resumed and from history) and what can be done with them. */
export function useRuns() {
  const manager = runManager();
  // The server renders the manager's first state, the very object the browser's manager starts
  // from, so hydration does not force a second render of the whole page unless history was read.
  const snapshot = useSyncExternalStore(manager.subscribe, manager.snapshot, serverSnapshot);

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
