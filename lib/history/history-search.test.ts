import { describe, expect, it } from "vitest";
import type { Run } from "@/lib/runs/run-state";
import { searchHistory } from "./history-search";

const run = (id: string, prompt: string, model = "stabilityai/stable-diffusion-xl-base-1.0"): Run => ({
  id,
  input: { model_name: model, prompt },
  status: "completed",
  logs: [],
  startedAt: 1,
});

const runs = [
  run("fox", "A red Fox in the snow"),
  run("castle", "a castle on a hill, sunset", "runwayml/stable-diffusion-v1-5"),
  run("fox15", "fox cub, watercolour", "runwayml/stable-diffusion-v1-5"),
];
const ids = (query: string) => searchHistory(runs, query).map((item) => item.id);

describe("searchHistory", () => {
  it("keeps every run for an empty or blank query", () => {
    expect(ids("")).toEqual(["fox", "castle", "fox15"]);
    expect(ids("   ")).toEqual(["fox", "castle", "fox15"]);
  });

  it("matches words in the prompt or the model, in any case and order", () => {
    expect(ids("FOX")).toEqual(["fox", "fox15"]);
    expect(ids("v1-5")).toEqual(["castle", "fox15"]);
    expect(ids("fox runwayml")).toEqual(["fox15"]);
    expect(ids("sunset castle")).toEqual(["castle"]);
    expect(ids("fox castle")).toEqual([]);
  });
});
