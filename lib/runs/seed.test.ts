import { afterEach, describe, expect, it, vi } from "vitest";
import { seedLimit } from "@/lib/fal/limits";
import { formatSeed, randomSeed, reuseSeed, withRunSeed } from "./seed";

const input = { model_name: "m", prompt: "p" };

afterEach(() => vi.restoreAllMocks());

describe("run seeds", () => {
  it("draws seeds in the pipeline range and never 0, which fal reads as random", () => {
    for (const drawn of [0, 1, seedLimit.max]) {
      vi.spyOn(crypto, "getRandomValues").mockImplementationOnce((array) => {
        (array as Uint32Array)[0] = drawn;
        return array;
      });
      const seed = randomSeed();
      expect(seed).toBeGreaterThanOrEqual(1);
      expect(seed).toBeLessThanOrEqual(seedLimit.max);
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

  it("reuses only a seed it can send back unchanged, and says why otherwise", () => {
    expect(reuseSeed(42)).toEqual({ ok: true, seed: 42 });
    expect(reuseSeed(4294967295n)).toEqual({ ok: true, seed: 4294967295 });
    expect(reuseSeed(196619188014358660n)).toEqual({
      ok: false,
      reason: expect.stringContaining("cannot be reused exactly"),
    });
    expect(reuseSeed(196619188014358660)).toEqual({ ok: false, reason: expect.stringContaining("cannot be reused") });
    expect(reuseSeed(0)).toEqual({ ok: false, reason: expect.stringContaining("random") });
  });
});
