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
};

export type BenchContext = { baseURL: string; chromiumPath: string | undefined };

export type Bench = { name: string; run: (context: BenchContext) => Promise<BenchResult[]> };

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
