import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { readChunks, readTextChunk } from "@/lib/png/png-chunks";
import { readSettingsFromPng } from "@/lib/share/png-settings";
import { embedSweepInPng, readSweepFromPng, sweepFileName, sweepRecord } from "./grid-png";
import { planSweep, type SweepAxis } from "./plan";

const base: LoraRequest = {
  model_name: "stabilityai/stable-diffusion-xl-base-1.0",
  prompt: "a castle on a hill, sunset",
  loras: [{ path: "castle.safetensors" }],
};
const axes: [SweepAxis, SweepAxis] = [
  { parameter: { field: "guidance_scale" }, values: [5, 7.5] },
  { parameter: { field: "lora_scale", lora: 0 }, values: [0.4, 0.8] },
];

async function gridPng(): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 300, height: 200, channels: 3, background: "#fff" } })
      .png()
      .toBuffer(),
  );
}

describe("a sweep's grid image", () => {
  it("carries the base settings with the shared seed, and the sweep with each cell's request, readable back", async () => {
    const planned = planSweep(base, axes, { randomSeed: () => 1234 });
    if (!planned.ok) throw new Error(planned.message);
    const record = sweepRecord(base, axes, planned.plan, ["req-a", "req-b", undefined, "req-d"]);
    const png = embedSweepInPng(await gridPng(), record, { width: 1024, height: 768 });

    expect(await sharp(png).metadata()).toMatchObject({ width: 300, height: 200, format: "png" });
    const settings = readSettingsFromPng(png);
    expect("error" in settings ? settings.error : settings.values).toMatchObject({ prompt: base.prompt, seed: 1234 });
    const parameters = readChunks(png)
      .map(readTextChunk)
      .find((chunk) => chunk?.keyword === "parameters")?.text;
    expect(parameters).toContain("Size: 1024x768");

    expect(readSweepFromPng(png)).toEqual({
      version: 1,
      base: { ...base, seed: 1234 },
      axes: [
        { parameter: { field: "guidance_scale" }, values: [5, 7.5] },
        { parameter: { field: "lora_scale", lora: 0 }, values: [0.4, 0.8] },
      ],
      cells: [
        { row: 0, column: 0, requestId: "req-a" },
        { row: 0, column: 1, requestId: "req-b" },
        { row: 1, column: 0 },
        { row: 1, column: 1, requestId: "req-d" },
      ],
    });
  });

  it("reads nothing from an image without a sweep, or with a damaged one", async () => {
    expect(readSweepFromPng(await gridPng())).toBeUndefined();
    expect(readSweepFromPng(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });

  it("is named after the prompt and its size in cells", () => {
    const planned = planSweep(base, [axes[0]]);
    if (!planned.ok) throw new Error(planned.message);
    expect(sweepFileName(base, planned.plan)).toBe("sweep-a-castle-on-a-hill-sunset-2x1.png");
  });
});
