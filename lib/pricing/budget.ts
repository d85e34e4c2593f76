import { microsOf, microsToDecimal } from "./money";

/** Above this expected cost a sweep asks before it sends anything; the visitor may change it. */
export const DEFAULT_SWEEP_BUDGET = "1";
const STORAGE_KEY = "fal-lora-playground:sweep-budget";

/** The visitor's budget for one sweep, in micro-units of fal's currency ($1 unless they set another). */
export function readSweepBudget(): number {
  let saved: string | null = null;
  try {
    saved = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage refused (private browsing, blocked site data): the default stands.
  }
  return (saved !== null ? microsOf(saved) : undefined) ?? microsOf(DEFAULT_SWEEP_BUDGET) ?? 0;
}

export function saveSweepBudget(micros: number): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, microsToDecimal(micros));
  } catch {
    // Kept for this dialog only.
  }
}
