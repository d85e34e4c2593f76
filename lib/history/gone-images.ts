/**
 * Runs whose full-size images the server no longer has, as found out on this page (a failed load,
 * a failed thumbnail). The page then shows the kept thumbnail and says so.
 */
const goneRuns = new Set<string>();
const listeners = new Set<() => void>();

export function markImagesGone(runId: string): void {
  if (goneRuns.has(runId)) return;
  goneRuns.add(runId);
  listeners.forEach((listener) => listener());
}

export function areImagesGone(runId: string): boolean {
  return goneRuns.has(runId);
}

/** For useSyncExternalStore. */
export function subscribeGoneImages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
