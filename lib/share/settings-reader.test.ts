import { describe, expect, it } from "vitest";
import { defaultInput } from "@/lib/fal/defaults";
import { listLimits } from "@/lib/fal/limits";
import { problemsText, readSettings } from "./settings-reader";

const plusAdapter = {
  path: "h94/IP-Adapter",
  weight_name: "ip-adapter-plus_sdxl_vit-h.safetensors",
  ip_adapter_image_url: "https://x.test/a.png",
};

describe("readSettings", () => {
  it("drops every item that breaks a rule between fields, however many, and keeps the rest", () => {
    const most = listLimits.ip_adapter.max;
    const reading = readSettings({ prompt: "kept", ip_adapter: Array.from({ length: most }, () => plusAdapter) });
    expect(reading.values).toEqual({ ...defaultInput, prompt: "kept" });
    expect(reading.problems).toHaveLength(most);
    expect(reading.problems[most - 1]).toEqual({
      field: "IP adapter 1",
      message: 'IP-Adapter "plus" weights need an image encoder: set the image encoder path.',
    });
    expect(reading.unreadable).toBe(false);
  });

  it("says when nothing could be read, so the page does not call it restored", () => {
    expect(readSettings({ prompt: 3, seed: -1 })).toEqual({
      values: defaultInput,
      problems: [
        { field: "Prompt", message: "Prompt must be text." },
        { field: "Seed", message: "Seed must be at least 0." },
      ],
      unreadable: true,
    });
    expect(readSettings([1, 2])).toMatchObject({
      unreadable: true,
      problems: [{ field: "Settings", message: "They are not a set of named fields." }],
    });
    expect(readSettings({})).toEqual({ values: defaultInput, problems: [], unreadable: false });
  });

  it("keeps a LoRA that carries other endpoints' force, and names the field it left out", () => {
    const reading = readSettings({ prompt: "p", loras: [{ path: "a/lora", scale: 0.7, force: true }] });
    expect(reading.values.loras).toEqual([{ path: "a/lora", scale: 0.7 }]);
    expect(reading.problems).toEqual([
      { field: "LoRA 1", message: '"force" is not a setting of this endpoint; it was left out.' },
    ]);
  });

  it("keeps a 64-bit seed exactly", () => {
    expect(readSettings({ seed: 196619188014358660n }).values.seed).toBe(196619188014358660n);
  });

  it("puts problems in one line of text", () => {
    expect(
      problemsText([
        { field: "Seed", message: "Seed must be at least 0." },
        { field: "LoRA 2", message: "LoRA path is required." },
      ]),
    ).toBe("Seed: Seed must be at least 0. LoRA 2: LoRA path is required.");
  });
});
