import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import type { Run } from "@/lib/runs/run-state";
import { openRunHistory } from "./run-history";

function run(id: string, startedAt: number, patch: Partial<Run> = {}): Run {
  return {
    id,
    input: { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: `prompt ${id}` },
    status: "completed",
    logs: [{ message: "Step 1/30", level: "INFO", timestamp: "2025-01-01T00:00:00Z" }],
    startedAt,
    ...patch,
  };
}

describe("run history", () => {
  it("keeps runs across openings, newest first", async () => {
    const name = `history-${crypto.randomUUID()}`;
    const first = openRunHistory(name);
    await first.put(run("a", 1));
    await first.put(run("b", 3, { requestId: "req-b", status: "running" }));
    await first.put(run("c", 2));

    const reopened = await openRunHistory(name).list();
    expect(reopened.map((item) => item.id)).toEqual(["b", "c", "a"]);
    expect(reopened[0]).toMatchObject({ requestId: "req-b", status: "running", input: { prompt: "prompt b" } });
  });

  it("overwrites a run by id and deletes one or many", async () => {
    const history = openRunHistory(`history-${crypto.randomUUID()}`);
    await history.put(run("a", 1, { status: "running" }));
    await history.put(run("a", 1, { status: "completed", inferenceTime: 1.5 }));
    await history.put(run("b", 2));
    await history.put(run("c", 3));
    expect(await history.list()).toHaveLength(3);
    expect((await history.list()).find((item) => item.id === "a")).toMatchObject({
      status: "completed",
      inferenceTime: 1.5,
    });

    await history.remove("b");
    expect((await history.list()).map((item) => item.id)).toEqual(["c", "a"]);
    await history.removeMany(["a", "c"]);
    expect(await history.list()).toEqual([]);
  });

  it("leaves out records that no longer parse instead of failing", async () => {
    const name = `history-${crypto.randomUUID()}`;
    const history = openRunHistory(name);
    await history.put(run("good", 1));
    await history.put({ ...run("bad", 2), input: { prompt: 42 } } as unknown as Run);
    expect((await history.list()).map((item) => item.id)).toEqual(["good"]);
  });

  it("keeps a run whose input breaks a rule it once passed, so reusing it can say what no longer fits", async () => {
    const history = openRunHistory(`history-${crypto.randomUUID()}`);
    await history.put({ ...run("older", 1), input: { model_name: "m", prompt: "p", num_images: 99 } });
    expect((await history.list())[0]?.input).toEqual({ model_name: "m", prompt: "p", num_images: 99 });
  });

  it("keeps at most its limit, dropping the oldest finished runs and never one in flight", async () => {
    const name = `history-${crypto.randomUUID()}`;
    const history = openRunHistory(name, 3);
    await history.put(run("oldest-running", 1, { requestId: "req-1", status: "running" }));
    for (const [index, id] of ["b", "c", "d", "e"].entries()) await history.put(run(id, index + 2));
    expect((await history.list()).map((item) => item.id)).toEqual(["e", "d", "oldest-running"]);
    expect((await openRunHistory(name, 3).list()).map((item) => item.id)).toEqual(["e", "d", "oldest-running"]);
  });
});
