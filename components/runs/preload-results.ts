import type { RunManager } from "@/lib/runs/run-manager";

/**
 * Starts loading a run's images the moment its result is read, while React is still to draw them;
 * the stage's `<img>` then finds them already on their way. Only this page's runs, each once.
 */
export function preloadResults(manager: RunManager): () => void {
  const preloaded = new Set<string>();
  return manager.subscribe(() => {
    const { runs, liveIds } = manager.snapshot();
    for (const run of runs) {
      if (!run.output || !liveIds.has(run.id) || preloaded.has(run.id)) continue;
      preloaded.add(run.id);
      for (const { url } of run.output.images) {
        const image = new Image();
        image.fetchPriority = "high";
        image.src = url;
      }
    }
  });
}
