import { describe, expect, it } from "vitest";
import { looksLikeGenerationData } from "./detect";
import { parseInfotext, readParameterLine } from "./infotext";
import { samples } from "./test-samples";

describe("A1111 infotext", () => {
  it("reads the prompt, the negative prompt and the parameters in order", () => {
    const data = parseInfotext(samples.issue);
    expect(data.prompt).toBe("a castle on a hill, sunset <lora:castleStyle:0.7>");
    expect(data.negativePrompt).toBe("blurry, lowres");
    expect([...data.parameters]).toEqual([
      ["Steps", "28"],
      ["Sampler", "Euler a"],
      ["CFG scale", "6.5"],
      ["Seed", "12345"],
      ["Size", "768x512"],
      ["Model", "sd_xl_base_1.0"],
    ]);
    expect(data.stray).toEqual([]);
  });

  it("keeps line breaks, quotes, commas and Unicode of multi-line prompts (Windows line ends too)", () => {
    const data = parseInfotext(samples.multiline);
    expect(data.prompt).toBe('portrait of an old fisherman, "weathered" face,\nrain, 港の夜, café lights — bokeh');
    expect(data.negativePrompt).toBe("cartoon,\n3d, (deformed:1.3)");
    expect(data.parameters.get("Style")).toBe('photo, "film" look');
    expect(data.parameters.get("Schedule type")).toBe("SGM Uniform");
    expect(data.parameters.get("Version")).toBe("v1.9.4");
  });

  it("unquotes JSON strings holding commas and colons, as A1111's quote() writes them", () => {
    const data = parseInfotext(samples.a1111Old);
    expect(data.parameters.get("Lora hashes")).toBe("add_detail: 7c6bad76eb54");
    expect(data.parameters.get("TI hashes")).toBe("EasyNegative: c74b4e810b03, badhandv4: 5e40d722fc3d");
    expect(data.parameters.get("Hires upscaler")).toBe("R-ESRGAN 4x+ Anime6B");
    expect(data.negativePrompt).toBe("(worst quality, low quality:1.4), EasyNegative, badhandv4");
  });

  it("takes Civitai's bare JSON lists and objects whole, commas inside and all", () => {
    const data = parseInfotext(samples.civitai);
    expect(JSON.parse(data.parameters.get("Civitai resources") ?? "")).toHaveLength(2);
    expect(JSON.parse(data.parameters.get("Civitai metadata") ?? "")).toEqual({ remixOfId: 11223344 });
    expect(data.parameters.get("Created Date")).toBe("2024-06-10T14:28:42.1524107Z");
    expect(data.parameters.get("Clip skip")).toBe("2");
  });

  it("reads a prompt without parameters, and a last line of fewer than three pairs as prompt", () => {
    expect(parseInfotext("a cat: cute\nNegative prompt: dog")).toMatchObject({
      prompt: "a cat: cute",
      negativePrompt: "dog",
    });
    const data = parseInfotext("style: anime, mood: dark\nSteps: 20, Seed: 1");
    expect(data.prompt).toBe("style: anime, mood: dark\nSteps: 20, Seed: 1");
    expect(data.parameters.size).toBe(0);
  });

  it("reads settings alone, with no prompt", () => {
    const data = parseInfotext("Steps: 20, Sampler: Euler, CFG scale: 7, Seed: 5");
    expect(data).toMatchObject({ prompt: "", negativePrompt: "" });
    expect(data.parameters.get("Seed")).toBe("5");
  });

  it("keeps what is not a pair as stray text, and reads pairs on lines after the parameter line", () => {
    expect(readParameterLine('Steps: 20, oops, Sampler: Euler, Note: "a, b" tail, Seed: 3')).toEqual({
      pairs: [
        ["Steps", "20"],
        ["Sampler", "Euler"],
        ["Note", "a, b"],
        ["Seed", "3"],
      ],
      stray: ["oops", "tail"],
    });
    const data = parseInfotext("cat\nSteps: 20, Sampler: Euler, CFG scale: 7\nSeed: 9, Size: 64x64\nthanks!");
    expect(data.parameters.get("Seed")).toBe("9");
    expect(data.stray).toEqual(["thanks!"]);
    expect(data.prompt).toBe("cat");
  });

  it("tells generation data from ordinary text cheaply", () => {
    for (const sample of Object.values(samples)) expect(looksLikeGenerationData(sample)).toBe(true);
    expect(looksLikeGenerationData("a castle\nNegative prompt: fog")).toBe(true);
    expect(looksLikeGenerationData("a castle on a hill, sunset, golden hour")).toBe(false);
    expect(looksLikeGenerationData("Note: this, Other: that, Third: x")).toBe(false);
    expect(looksLikeGenerationData("https://example.com/a.png")).toBe(false);
    expect(looksLikeGenerationData(`${"x".repeat(100_001)}\nSteps: 1, Sampler: Euler, Seed: 1`)).toBe(false);
  });
});
