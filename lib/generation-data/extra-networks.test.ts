import { describe, expect, it } from "vitest";
import { takeExtraNetworks } from "./extra-networks";

describe("LoRA tags in prompts", () => {
  it("takes each tag out with its weight and tidies the commas and spaces it leaves", () => {
    expect(takeExtraNetworks("a castle on a hill, sunset <lora:castleStyle:0.7>")).toEqual({
      prompt: "a castle on a hill, sunset",
      loras: [{ name: "castleStyle", scale: 0.7 }],
      notes: [],
      unread: 0,
    });
    expect(takeExtraNetworks("masterpiece, <lora:add_detail:0.6>, 1girl").prompt).toBe("masterpiece, 1girl");
    expect(takeExtraNetworks("<lora:a:1><LORA:b:0.5>, cat").prompt).toBe("cat");
    expect(takeExtraNetworks("cat,<lora:a:1>,dog").prompt).toBe("cat,dog");
    expect(takeExtraNetworks("a <lora:x:1> b").prompt).toBe("a b");
    expect(takeExtraNetworks("line one <lora:x:1>\n<lora:y:1> line two").prompt).toBe("line one\nline two");
  });

  it("leaves a prompt without tags exactly as it was", () => {
    const prompt = "  spaced ,, as typed  (word:1.2) <notatag>";
    expect(takeExtraNetworks(prompt)).toEqual({ prompt, loras: [], notes: [], unread: 0 });
  });

  it("reads names with spaces and Unicode, a missing weight as 1, and te/unet weights", () => {
    const { loras, notes } = takeExtraNetworks(
      "<lora:Detail Tweaker 细节:0.4> <lyco:old style> <lora:split:0.8:0.3> <lora:named:te=0.6:unet=0.6>",
    );
    expect(loras).toEqual([
      { name: "Detail Tweaker 细节", scale: 0.4 },
      { name: "old style", scale: 1 },
      { name: "split", scale: 0.8 },
      { name: "named", scale: 0.6 },
    ]);
    expect(notes).toEqual([expect.stringContaining("different weights; fal takes one scale, so 0.8")]);
  });

  it("keeps the colons of a LoRA named by its URL, as this playground's PNGs write them", () => {
    expect(
      takeExtraNetworks("boat <lora:https://example.com:8080/boat.safetensors:0.5> <lora:o/sail:1>").loras,
    ).toEqual([
      { name: "https://example.com:8080/boat.safetensors", scale: 0.5 },
      { name: "o/sail", scale: 1 },
    ]);
  });

  it("removes hypernetworks and unreadable weights with a note", () => {
    const result = takeExtraNetworks("cat <hypernet:anime:0.5>, <lora:x:strong>, <lora::1>");
    expect(result.prompt).toBe("cat");
    expect(result.loras).toEqual([{ name: "x", scale: 1 }]);
    expect(result.notes).toEqual([
      expect.stringContaining("fal has no hypernetworks"),
      expect.stringContaining('"strong" is not a weight'),
      expect.stringContaining("names no LoRA"),
    ]);
  });
});
