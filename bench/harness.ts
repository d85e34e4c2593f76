import { existsSync } from "node:fs";

export { startServer, stopServer } from "../test/next-server";

/** One measured number with the target it is held to, if any. */
export type BenchResult = {
  name: string;
  value: number;
  unit: string;
  /** Passes when value <= max (or >= min). */
  max?: number;
  min?: number;
  /** The same figure of the floor (or the reference case), measured in the same run. */
  baseline?: { label: string; value: number };
  /** Passes when value / baseline <= maxRatio (or >= minRatio). */
  maxRatio?: number;
  minRatio?: number;
};

/** What one pass of a benchmark found: its figures, and what explains them (LCP element, biggest chunks …). */
export type BenchOutcome = { results: BenchResult[]; notes?: string[] };

export type BenchContext = {
  /** The playground's production build, in simulator mode. */
  baseURL: string;
  /** The bare Next app of `bench/floor-app`: `/` bare, `/fal-client` with `@fal-ai/client`. */
  floorURL: string;
  chromiumPath: string | undefined;
  /** A free port of the benchmark's block for a server a benchmark starts itself (0, 1, …). */
  extraPort: (index: number) => number;
  /** What the simulator's gate wants on a direct call (the proxy's loopback hop), as an `authorization` value. */
  simulatorAuthorization: string;
};

export type Bench = {
  name: string;
  /** What is measured and how, for BENCHMARKS.md. */
  about?: string;
  /** Passes of `run`; each figure is reported as the median over them. Defaults to BENCH_REPEATS or 3. */
  repeats?: number;
  /** The figures of one pass, with notes that explain them when there are any. */
  run: (context: BenchContext) => Promise<BenchOutcome | BenchResult[]>;
  /**
   * By figure name: why this machine misses that figure's target, what was tried, and what the
   * figure was before. BENCHMARKS.md prints it under the targets whenever that figure is missed.
   */
  whyMissed?: Record<string, string>;
};

export function toOutcome(outcome: BenchOutcome | BenchResult[]): BenchOutcome {
  return Array.isArray(outcome) ? { results: outcome } : outcome;
}

export function chromiumPath(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  return existsSync(candidate) ? candidate : undefined;
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A server already answering there would be measured instead of this build. */
export async function ensureFree(port: number): Promise<void> {
  const answered = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`Port ${port} is already in use: stop that server or set BENCH_PORT`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
