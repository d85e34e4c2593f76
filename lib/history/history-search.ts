import type { Run } from "@/lib/runs/run-state";

/** The runs whose prompt or model contain every word of the query, in any case and order. */
export function searchHistory(runs: readonly Run[], query: string): readonly Run[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return runs;
  return runs.filter((run) => {
    const text = `${run.input.prompt}\n${run.input.model_name}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
