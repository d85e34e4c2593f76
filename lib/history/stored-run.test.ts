import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import type { WeightsCard } from "@/lib/lora-info/card";
import type { Run } from "@/lib/runs/run-state";
import { openRunHistory } from "./run-history";

const input = { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: "a lighthouse", seed: 0 };

describe("stored runs", () => {
  it("keep fal's 64-bit seed exactly, what fal billed and at what price, a lost connection, runner retries and an unreadable result", async () => {
    const history = openRunHistory(`stored-${crypto.randomUUID()}`);
    const completed: Run = {
      id: "a",
      requestId: "req-a",
      input,
      status: "completed",
      logs: [],
      output: { images: [{ url: "https://v3.fal.media/files/a.png" }], seed: 196619188014358660n },
      cancelRequested: true,
      requeues: 1,
      billableUnits: "2.5",
      price: { unitPrice: "0.00111", unit: "compute_seconds", currency: "USD", simulated: false },
      startedAt: 1,
    };
    const lost: Run = {
      id: "b",
      requestId: "req-b",
      input,
      status: "running",
      logs: [],
      connection: { state: "lost", reason: "HTTP 502" },
      startedAt: 2,
    };
    const unreadable: Run = {
      id: "c",
      requestId: "req-c",
      input,
      status: "failed",
      logs: [],
      error: { kind: "result", message: "no image URL", fieldErrors: [], retryable: false, raw: '{"images": []}' },
      price: { unknown: "fal answered 403" },
      startedAt: 3,
    };
    for (const run of [completed, lost, unreadable]) await history.put(run);
    const [c, b, a] = await history.list();
    expect(a).toEqual(completed);
    expect(b).toEqual(lost);
    expect(c).toEqual(unreadable);
  });

  it("keep the LoRA cards a run started with, and drop cards that no longer read without dropping the run", async () => {
    const history = openRunHistory(`stored-${crypto.randomUUID()}`);
    const card: WeightsCard = {
      path: "styles/pixel-castle",
      role: "lora",
      source: "huggingface",
      family: { family: "sd1", name: "SD 1.x", evidence: "a cross-attention 768 wide" },
      triggerWords: [{ word: "pixelcastle", from: "the model card" }],
      notes: [],
    };
    const withCards: Run = {
      id: "d",
      input,
      status: "completed",
      logs: [],
      cards: { loras: [card, null] },
      startedAt: 4,
    };
    await history.put(withCards);
    await history.put({ ...withCards, id: "e", cards: { loras: "broken" } as unknown as Run["cards"], startedAt: 5 });
    const [broken, kept] = await history.list();
    expect(kept).toEqual(withCards);
    expect(broken).toMatchObject({ id: "e", status: "completed" });
    expect(broken?.cards).toBeUndefined();
  });
});
