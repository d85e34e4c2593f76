import { describe, expect, it } from "vitest";
import { estimatePacing, SubmitBudget, WINDOW_MS } from "./pacer";
import { limitSentence, pacingSentence } from "./pacing-text";

describe("pacingSentence", () => {
  it("says how many runs start now and when the rest do", () => {
    expect(pacingSentence(4, estimatePacing(4, { perMinute: 30 }))).toBe("4 runs, all starting now.");
    expect(pacingSentence(1, estimatePacing(1, { perMinute: 30 }))).toBe("1 run, starting now.");
    expect(pacingSentence(12, estimatePacing(12, { perMinute: 11 }))).toBe(
      "12 runs: 10 start now, the rest within a minute.",
    );
    expect(pacingSentence(64, estimatePacing(64, { perMinute: 30 }))).toBe(
      "64 runs: 27 start now, the rest within about 2 minutes.",
    );
  });

  it("says so when the page's own runs used the whole limit", () => {
    const budget = new SubmitBudget({ perMinute: 3, reserve: 0 });
    for (const time of [0, 1, 2]) budget.record(time);
    expect(pacingSentence(2, estimatePacing(2, budget, WINDOW_MS / 2))).toBe(
      "2 runs: none can start yet (this page's runs of the last minute used the limit); all start within a minute.",
    );
  });
});

describe("limitSentence", () => {
  it("names the server's limit and the runs kept free", () => {
    expect(limitSentence(30, 27)).toBe(
      "The server takes 30 runs a minute from this page; a sweep uses at most 27, leaving 3 for your own Runs meanwhile.",
    );
    expect(limitSentence(6, 6)).toBe("The server takes 6 runs a minute from this page.");
  });
});
