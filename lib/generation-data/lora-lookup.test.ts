import { describe, expect, it } from "vitest";
import { loraFinder, loraPathName } from "./lora-lookup";
import { isLoraLocation, LORA_NAMES_STORAGE_KEY, loraKey, rememberedLoras, rememberLora } from "./lora-memory";

function memoryStorage(): Pick<Storage, "getItem" | "setItem"> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe("finding LoRAs by the name generation data gives them", () => {
  it("reads the name a location ends in", () => {
    expect(loraPathName("https://huggingface.co/o/r/resolve/main/castleStyle.safetensors?download=true")).toBe(
      "castleStyle",
    );
    expect(loraPathName("nerijs/pixel-art-xl")).toBe("pixel-art-xl");
    expect(loraPathName("https://example.com/loras/caf%C3%A9%20style.safetensors")).toBe("café style");
    expect(loraPathName("https://civitai.com/api/download/models/62833")).toBeUndefined();
    expect(loraKey("Castle_Style.safetensors")).toBe(loraKey("castle-style"));
  });

  it("prefers a location given for that name, then the sources in order", () => {
    const find = loraFinder(new Map([[loraKey("pixelArt"), "https://civitai.com/api/download/models/1"]]), [
      { from: "an earlier run", paths: ["https://a.example/castle_style.safetensors", "x/pixel-art"] },
      { from: 'your preset "Castles"', paths: ["https://b.example/castleStyle.safetensors", "y/towers"] },
    ]);
    expect(find("castleStyle")).toEqual({ path: "https://a.example/castle_style.safetensors", from: "an earlier run" });
    expect(find("pixel_art")).toEqual({
      path: "https://civitai.com/api/download/models/1",
      from: "the URL you gave for it before",
    });
    expect(find("Towers")).toEqual({ path: "y/towers", from: 'your preset "Castles"' });
    expect(find("unknown")).toBeUndefined();
  });

  it("remembers locations given for names, and nothing that is not a location", () => {
    const storage = memoryStorage();
    rememberLora(storage, "castleStyle", "https://civitai.com/api/download/models/62833");
    rememberLora(storage, "castleStyle", "https://civitai.com/api/download/models/99");
    rememberLora(storage, "other", "not a url");
    expect(rememberedLoras(storage)).toEqual(new Map([["castlestyle", "https://civitai.com/api/download/models/99"]]));
    expect(isLoraLocation("owner/name")).toBe(true);
    expect(isLoraLocation("castleStyle")).toBe(false);
    storage.setItem(LORA_NAMES_STORAGE_KEY, "{broken");
    expect(rememberedLoras(storage)).toEqual(new Map());
  });
});
