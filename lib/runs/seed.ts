import type { LoraRequest } from "@/lib/fal/input-schema";
import { seedLimit } from "@/lib/fal/limits";
import type { Seed } from "@/lib/fal/output-schema";

/**
 * A fresh seed in the range every SD pipeline takes. Never 0: fal's app reads 0 as "no seed"
 * and picks its own (docs/fal.md#seeds), which would make the run irreproducible.
 */
export function randomSeed(): number {
  const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
  return (value % seedLimit.max) + 1;
}

/** The body a run sends: always with an explicit seed, drawn now when "Random seed" is on. */
export function withRunSeed(input: LoraRequest): LoraRequest {
  return input.seed === undefined ? { ...input, seed: randomSeed() } : input;
}

/** True when the seed holds fal's number exactly (BigInt, or a number JavaScript did not round). */
export function isExactSeed(seed: Seed): boolean {
  return typeof seed === "bigint" || Number.isSafeInteger(seed);
}

/** The seed's digits as fal sent them; "≈" marks one this browser had to round. */
export function formatSeed(seed: Seed): string {
  return isExactSeed(seed) ? String(seed) : `≈${seed}`;
}

export type SeedReuse = { ok: true; seed: number } | { ok: false; reason: string };

/** Whether "Use this seed" can put the seed in the form and send it back unchanged, and if not why. */
export function reuseSeed(seed: Seed): SeedReuse {
  if (!isExactSeed(seed)) {
    return {
      ok: false,
      reason: `fal's seed was too large for this browser to read exactly (${formatSeed(seed)}), so it cannot be reused.`,
    };
  }
  const value = Number(seed);
  if (value === 0)
    return { ok: false, reason: "Seed 0 asks fal for a random seed, so it cannot make the same image again." };
  if (value < seedLimit.min || value > seedLimit.max) {
    return {
      ok: false,
      reason: `Seed ${formatSeed(seed)} (picked by fal) is beyond the largest seed this playground sends (${seedLimit.max}), so it cannot be reused exactly. Runs started here carry a seed you can reuse.`,
    };
  }
  return { ok: true, seed: value };
}
