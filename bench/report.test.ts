import { describe, expect, it } from "vitest";
import { benchmarksMarkdown } from "./report";
import { summarise } from "./summary";

const machine = { rows: [["cores", "2"]] as [string, string][], busy: false };

describe("benchmarksMarkdown", () => {
  it("says why each missed target was missed, and names a miss nobody has explained", () => {
    const lighthouse = {
      ...summarise("Lighthouse", "", [
        {
          results: [
            { name: "LCP", value: 2000, unit: "ms", max: 1000 },
            { name: "TBT", value: 300, unit: "ms", max: 200 },
            { name: "CLS", value: 0, unit: "", max: 0 },
          ],
        },
      ]),
      whyMissed: { LCP: "the first paint waits for the scripts.", CLS: "never printed while it is met." },
    };
    const markdown = benchmarksMarkdown([lighthouse], machine, new Date("2026-11-27T12:00:00Z"), 9);

    expect(markdown).toContain("**1 of 3 targets met.**");
    const section = markdown.slice(markdown.indexOf("### Missed, and why"), markdown.indexOf("## Lighthouse"));
    expect(section).toContain("- **Lighthouse, LCP** (2000 ms): the first paint waits for the scripts.");
    expect(section).toContain("- **Lighthouse, TBT** (300 ms): not explained yet; nobody has looked into it.");
    expect(section).not.toContain("CLS");
  });

  it("has no such section when every target is met", () => {
    const met = summarise("Proxy", "", [{ results: [{ name: "added p50", value: 0.5, unit: "ms", max: 1 }] }]);
    expect(benchmarksMarkdown([met], machine, new Date(), 1)).not.toContain("Missed, and why");
  });
});
