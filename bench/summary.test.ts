import { describe, expect, it } from "vitest";
import { summarise } from "./summary";

describe("summarise", () => {
  it("reports the median of the passes, their range, and the ratio of the medians", () => {
    const floor = (value: number) => ({ label: "bare page", value });
    const summary = summarise("Lighthouse", "", [
      { results: [{ name: "LCP", value: 900, unit: "ms", baseline: floor(600), maxRatio: 1.3 }] },
      { results: [{ name: "LCP", value: 1500, unit: "ms", baseline: floor(700), maxRatio: 1.3 }] },
      { results: [{ name: "LCP", value: 800, unit: "ms", baseline: floor(650), maxRatio: 1.3 }] },
    ]);
    const [lcp] = summary.figures;
    expect(lcp).toMatchObject({
      value: 900,
      low: 800,
      high: 1500,
      passes: 3,
      baseline: { label: "bare page", value: 650 },
    });
    expect(lcp?.ratio).toBeCloseTo(900 / 650);
    expect(lcp?.verdict).toBe("MISSED");
    expect(lcp?.target).toBe("≤ 1.3× bare page");
  });

  it("holds absolute bounds and leaves unheld figures without a verdict", () => {
    const summary = summarise("Proxy", "", [
      {
        results: [
          { name: "added p50", value: 0.5, unit: "ms", max: 1 },
          {
            name: "throughput",
            value: 90,
            unit: "calls/s",
            baseline: { label: "straight", value: 100 },
            minRatio: 0.8,
          },
          { name: "straight p50", value: 2, unit: "ms" },
        ],
        notes: ["first"],
      },
      { results: [{ name: "added p50", value: 1.25, unit: "ms", max: 1 }], notes: ["last"] },
    ]);
    expect(summary.figures.map((figure) => [figure.name, figure.value, figure.verdict])).toEqual([
      ["added p50", 0.875, "ok"],
      ["throughput", 90, "ok"],
      ["straight p50", 2, ""],
    ]);
    expect(summary.notes).toEqual(["last"]);
  });
});
