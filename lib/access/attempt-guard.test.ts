import { describe, expect, it } from "vitest";
import { createAttemptGuard } from "./attempt-guard";

/** A guard whose holds end only when the test says, and what it was asked to hold. */
function guardWithHolds() {
  const holds: { ms: number; end: () => void }[] = [];
  const guard = createAttemptGuard({
    maxInFlight: 2,
    firstHoldMs: 1_000,
    maxHoldMs: 8_000,
    windowMs: 60_000,
    wait: (ms) => new Promise<void>((end) => holds.push({ ms, end })),
  });
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const endHolds = async () => {
    await tick();
    for (let hold = holds.shift(); hold; hold = holds.shift()) hold.end();
    await tick();
  };
  return { guard, holds, endHolds };
}

describe("sign-in attempts", () => {
  it("signs in with the right password at once, however many failures its address has, and counts only failures", async () => {
    const { guard, holds, endHolds } = guardWithHolds();
    for (let failure = 0; failure < 6; failure++) {
      const wrong = guard.attempt("203.0.113.9", () => false);
      await endHolds();
      expect(await wrong).toBe("wrong");
    }
    expect(guard.failures("203.0.113.9")).toBe(6);
    expect(await guard.attempt("203.0.113.9", () => true)).toBe("signed-in");
    expect(holds).toEqual([]);
    expect(guard.failures("203.0.113.9")).toBe(6);
  });

  it("holds each wrong answer longer, 1 s doubling up to 8 s", async () => {
    const { guard, holds, endHolds } = guardWithHolds();
    const seen: number[] = [];
    for (let failure = 0; failure < 6; failure++) {
      const wrong = guard.attempt("a", () => false);
      await new Promise((resolve) => setTimeout(resolve, 0));
      seen.push(holds[0]?.ms ?? 0);
      await endHolds();
      await wrong;
    }
    expect(seen).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it("turns away an address's third attempt in flight unchecked, and no one else's", async () => {
    const { guard, endHolds } = guardWithHolds();
    const first = guard.attempt("attacker", () => false);
    const second = guard.attempt("attacker", () => false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    let checked = false;
    expect(
      await guard.attempt("attacker", () => {
        checked = true;
        return true;
      }),
    ).toBe("busy");
    expect(checked).toBe(false);
    expect(await guard.attempt("owner", () => true)).toBe("signed-in");
    await endHolds();
    expect([await first, await second]).toEqual(["wrong", "wrong"]);
    expect(await guard.attempt("attacker", () => true)).toBe("signed-in");
  });
});
