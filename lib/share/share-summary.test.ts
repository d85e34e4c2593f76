import { describe, expect, it } from "vitest";
import { defaultInput } from "@/lib/fal/defaults";
import { loraInputSchema } from "@/lib/fal/input-schema";
import { shareSummary } from "./share-summary";

const lora = (path: string, scale: number) => ({ path, scale });
const settings = (fields: Record<string, unknown>) =>
  loraInputSchema.parse({ model_name: defaultInput.model_name, prompt: "p", ...fields });

describe("shareSummary", () => {
  it("says the model, the LoRAs with their scales, the seed and the steps", () => {
    const summary = shareSummary(
      settings({
        prompt: "  a lighthouse\n at   dusk ",
        seed: 1234,
        num_inference_steps: 40,
        scheduler: "Euler A",
        loras: [
          lora("nerijs/pixel-art-xl", 0.8),
          lora("https://huggingface.co/o/r/resolve/main/watercolor_v1.safetensors", 1.1500000000000001),
          lora("https://civitai.com/api/download/models/135867", 0.6),
        ],
      }),
    );
    expect(summary).toMatchObject({
      title: "a lighthouse at dusk",
      loras: ["nerijs/pixel-art-xl ×0.8", "watercolor_v1 ×1.15", "a LoRA from civitai.com ×0.6"],
      seed: "1234",
      sampling: "40 steps · CFG 7.5 · Euler A",
    });
    expect(summary.description).toBe(
      "stabilityai/stable-diffusion-xl-base-1.0 · LoRAs: nerijs/pixel-art-xl ×0.8, watercolor_v1 ×1.15, a LoRA from civitai.com ×0.6 · seed 1234 · 40 steps",
    );
  });

  it("takes the run's own seed as given, digits intact, and counts LoRAs past four", () => {
    const summary = shareSummary(
      settings({ prompt: "p".repeat(300), loras: Array.from({ length: 6 }, (_, i) => lora(`o/l${i}`, 1)) }),
      "196619188014358660",
    );
    expect(summary.seed).toBe("196619188014358660");
    expect(summary.title).toHaveLength(100);
    expect(summary.description).toContain("o/l3 ×1, 2 more · seed 196619188014358660");
    expect(shareSummary(defaultInput).description).toContain("no LoRAs · random seed");
  });
});
