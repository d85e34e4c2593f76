import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_SEED, RANDOM_SEED_MAX } from "@/lib/fal/limits";
import { formatSeed, randomSeed, reuseSeed, seedFromText, withRunSeed } from "./seed";

const input = { model_name: "m", prompt: "p" };

afterEach(() => vi.restoreAllMocks());

describe("run seeds", () => {
  it("draws 32-bit seeds and never 0, which fal reads as random", () => {
    for (const drawn of [0, 1, RANDOM_SEED_MAX]) {
      vi.spyOn(crypto, "getRandomValues").mockImplementationOnce((array) => {
        (array as Uint32Array)[0] = drawn;
        return array;
      });
      const seed = randomSeed();
      expect(seed).toBeGreaterThanOrEqual(1);
      expect(seed).toBeLessThanOrEqual(RANDOM_SEED_MAX);
    }
  });

  it("sends an explicit seed: drawn when none is set, kept when one is", () => {
    expect(withRunSeed(input).seed).toEqual(expect.any(Number));
    expect(withRunSeed({ ...input, seed: 7 })).toEqual({ ...input, seed: 7 });
    expect(withRunSeed({ ...input, seed: 0 }).seed).toBe(0);
  });

  it("shows a seed as fal sent it, marking one the browser rounded", () => {
    expect(formatSeed(196619188014358660n)).toBe("196619188014358660");
    expect(formatSeed(42)).toBe("42");
    expect(formatSeed(196619188014358660)).toBe("≈196619188014358660");
  });

  it("reuses fal's seeds exactly, 64-bit ones as BigInt, and says why when it cannot", () => {
    expect(reuseSeed(42)).toEqual({ ok: true, seed: 42 });
    expect(reuseSeed(4294967295n)).toEqual({ ok: true, seed: 4294967295 });
    expect(reuseSeed(196619188014358660n)).toEqual({ ok: true, seed: 196619188014358660n });
    expect(reuseSeed(MAX_SEED)).toEqual({ ok: true, seed: MAX_SEED });
    expect(reuseSeed(196619188014358660)).toEqual({ ok: false, reason: expect.stringContaining("cannot be reused") });
    expect(reuseSeed(0)).toEqual({ ok: false, reason: expect.stringContaining("random") });
    expect(reuseSeed(MAX_SEED + 1n)).toEqual({ ok: false, reason: expect.stringContaining("outside the seeds") });
  });

  it("reads a typed seed as a number, or as an exact BigInt past JavaScript's exact integers", () => {
    expect(seedFromText(" 42 ")).toBe(42);
    expect(seedFromText("9007199254740991")).toBe(Number.MAX_SAFE_INTEGER);
    expect(seedFromText("9007199254740993")).toBe(9007199254740993n);
    expect(seedFromText("196619188014358660")).toBe(196619188014358660n);
    expect(seedFromText("-3")).toBe(-3);
    expect(seedFromText("")).toBeNaN();
    expect(seedFromText("abc")).toBeNaN();
  });
});
