import { type BenchOutcome, type BenchResult, median } from "./harness";

/** One figure over every pass of its benchmark: medians, the spread, and the verdict on its target. */
export type Figure = {
  name: string;
  unit: string;
  value: number;
  low: number;
  high: number;
  passes: number;
  baseline?: { label: string; value: number };
  ratio?: number;
  target: string;
  /** "ok", "MISSED" or "" when the figure is held to nothing. */
  verdict: "ok" | "MISSED" | "";
};

export type BenchSummary = {
  name: string;
  about: string;
  figures: Figure[];
  notes: string[];
  failure?: string;
  whyMissed?: Record<string, string>;
};

function target(result: BenchResult): string {
  const parts: string[] = [];
  if (result.max !== undefined) parts.push(`≤ ${result.max}`);
  if (result.min !== undefined) parts.push(`≥ ${result.min}`);
  if (result.maxRatio !== undefined) parts.push(`≤ ${result.maxRatio}× ${result.baseline?.label ?? "baseline"}`);
  if (result.minRatio !== undefined) parts.push(`≥ ${result.minRatio}× ${result.baseline?.label ?? "baseline"}`);
  return parts.join(", ");
}

function verdict(result: BenchResult, value: number, ratio: number | undefined): Figure["verdict"] {
  const checks: boolean[] = [];
  if (result.max !== undefined) checks.push(value <= result.max);
  if (result.min !== undefined) checks.push(value >= result.min);
  if (result.maxRatio !== undefined) checks.push(ratio !== undefined && ratio <= result.maxRatio);
  if (result.minRatio !== undefined) checks.push(ratio !== undefined && ratio >= result.minRatio);
  if (checks.length === 0) return "";
  return checks.every(Boolean) ? "ok" : "MISSED";
}

/** Folds the passes of one benchmark: each figure is the median of its passes, its ratio that of the medians. */
export function summarise(name: string, about: string, outcomes: BenchOutcome[]): BenchSummary {
  const byName = new Map<string, BenchResult[]>();
  for (const outcome of outcomes) {
    for (const result of outcome.results) byName.set(result.name, [...(byName.get(result.name) ?? []), result]);
  }
  const figures = [...byName.values()].map((results): Figure => {
    const [first] = results as [BenchResult];
    const values = results.map((result) => result.value);
    const value = median(values);
    const baselines = results.flatMap((result) => (result.baseline ? [result.baseline.value] : []));
    const baseline = first.baseline && { label: first.baseline.label, value: median(baselines) };
    const ratio = baseline && baseline.value > 0 ? value / baseline.value : undefined;
    return {
      name: first.name,
      unit: first.unit,
      value,
      low: Math.min(...values),
      high: Math.max(...values),
      passes: results.length,
      baseline,
      ratio,
      target: target(first),
      verdict: verdict(first, value, ratio),
    };
  });
  // Notes explain the figures (which element, which chunk); the last pass's stand for all.
  const notes = outcomes.at(-1)?.notes ?? [];
  return { name, about, figures, notes };
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
