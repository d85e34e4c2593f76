import type { LoraRequest } from "@/lib/fal/input-schema";
import { MAX_SEED, RANDOM_SEED_MAX } from "@/lib/fal/limits";
import type { Seed } from "@/lib/fal/output-schema";

/**
 * A fresh seed, 1 to 2^32 − 1. Never 0: fal's app reads 0 as "no seed" and picks its own
 * (docs/fal.md#seeds), which would make the run irreproducible.
 */
export function randomSeed(): number {
  const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
  return (value % RANDOM_SEED_MAX) + 1;
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

/**
 * A seed as typed: whole numbers JavaScript holds exactly as numbers, longer ones as exact BigInt
 * (fal's 64-bit seeds). Anything else becomes a number or NaN, for the schema to name.
 */
export function seedFromText(text: string): number | bigint {
  const trimmed = text.trim();
  if (trimmed === "") return Number.NaN;
  if (/^\d+$/.test(trimmed) && !Number.isSafeInteger(Number(trimmed))) return BigInt(trimmed);
  return Number(trimmed);
}

/** The same seed in the form it travels in: a number where it is one exactly, else BigInt. */
function canonicalSeed(seed: bigint): number | bigint {
  return seed <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(seed) : seed;
}

export type SeedReuse = { ok: true; seed: number | bigint } | { ok: false; reason: string };

/** Whether "Use this seed" can put the seed in the form and send it back unchanged, and if not why. */
export function reuseSeed(seed: Seed): SeedReuse {
  if (!isExactSeed(seed)) {
    return {
      ok: false,
      reason: `fal's seed was too large for this browser to read exactly (${formatSeed(seed)}), so it cannot be reused.`,
    };
  }
  const exact = typeof seed === "bigint" ? seed : BigInt(seed);
  if (exact === 0n)
    return { ok: false, reason: "Seed 0 asks fal for a random seed, so it cannot make the same image again." };
  if (exact < 0n || exact > MAX_SEED) {
    return { ok: false, reason: `Seed ${exact} is outside the seeds fal's app takes (0 to ${MAX_SEED}).` };
  }
  return { ok: true, seed: canonicalSeed(exact) };
}
