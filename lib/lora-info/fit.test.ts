import { describe, expect, it } from "vitest";
import type { WeightsCard } from "./card";
import { fitOf, missingTriggers, withTrigger } from "./fit";
import { runCardsLine } from "./run-cards";

const card = (family: WeightsCard["family"], extra: Partial<WeightsCard> = {}): WeightsCard => ({
  path: "p",
  role: "lora",
  source: "url",
  family,
  triggerWords: [],
  notes: [],
  ...extra,
});
const sd15 = { family: "sd1" as const, name: "SD 1.5", evidence: "Civitai lists its base model as SD 1.5" };
const sdxl = { family: "sdxl" as const, name: "SDXL", evidence: "its pipeline is StableDiffusionXLPipeline" };

describe("fitOf", () => {
  it("names both architectures, and offers the base model the card names", () => {
    expect(fitOf(card(sd15, { baseModel: "Lykon/dreamshaper-8" }), card(sdxl, { role: "model" }))).toEqual({
      message: "Made for SD 1.5; the model is SDXL.",
      switchTo: { path: "Lykon/dreamshaper-8", label: "Use Lykon/dreamshaper-8" },
    });
  });

  it("offers a well-known model of the family when the card names none", () => {
    expect(fitOf(card(sdxl), card(sd15, { role: "model" }))?.switchTo).toEqual({
      path: "stabilityai/stable-diffusion-xl-base-1.0",
      label: "Use stabilityai/stable-diffusion-xl-base-1.0 (SDXL)",
    });
  });

  it("says nothing when they fit or either is unknown, and warns of weights this endpoint cannot run", () => {
    expect(fitOf(card(sdxl), card(sdxl))).toBeUndefined();
    expect(fitOf(card(undefined), card(sdxl))).toBeUndefined();
    expect(fitOf(card(sdxl), undefined)).toBeUndefined();
    expect(fitOf(card({ family: "other", name: "Flux", evidence: "" }), card(sdxl))?.message).toBe(
      "Made for Flux: this endpoint runs SD 1.x, SD 2.x and SDXL models, so fal cannot use it.",
    );
  });
});

describe("trigger words", () => {
  const words = [
    { word: "pixelcastle", from: "Civitai" },
    { word: "castle on a hill", from: "Civitai" },
  ];

  it("lists the declared words the prompt lacks, case and spacing aside", () => {
    expect(missingTriggers(words, "A  Castle on a hill, at dusk")).toEqual([words[0]]);
  });

  it("takes the most frequent training tag as the one to miss when nothing was declared", () => {
    const tags = ["inkwash", "monochrome"].map((word) => ({ word, from: "training tags" }));
    expect(missingTriggers(tags, "a boat")).toEqual([tags[0]]);
    expect(missingTriggers(tags, "inkwash, a boat")).toEqual([]);
  });

  it("adds a word at the prompt's end, after a comma", () => {
    expect(withTrigger("", "pixelcastle")).toBe("pixelcastle");
    expect(withTrigger("a castle ", "pixelcastle")).toBe("a castle, pixelcastle");
    expect(withTrigger("a castle,", "pixelcastle")).toBe("a castle, pixelcastle");
  });
});

describe("runCardsLine", () => {
  it("says a run's model and LoRAs in a line, with those that did not fit", () => {
    expect(runCardsLine({ model: card(sdxl, { role: "model" }), loras: [card(sd15), null, card(sdxl)] })).toBe(
      "SDXL model · LoRA 1 SD 1.5 (does not fit) · LoRA 3 SDXL",
    );
    expect(runCardsLine(undefined)).toBeUndefined();
  });
});
