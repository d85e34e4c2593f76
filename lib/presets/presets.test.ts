import { describe, expect, it } from "vitest";
import { defaultInput } from "@/lib/fal/defaults";
import type { LoraInput } from "@/lib/fal/input-schema";
import { readSettings } from "@/lib/share/settings-reader";
import { jsonShapes } from "@/lib/text/hostile-shapes";
import { stepsOf } from "@/lib/text/steps";
import { builtInPresets } from "./built-in";
import { uploadBundledImages } from "./bundled-images";
import {
  deletePreset,
  importPresetsFile,
  loadSavedPresets,
  MAX_PRESETS,
  MAX_PRESETS_FILE_LENGTH,
  PRESETS_FILE_FORMAT,
  presetNameProblem,
  renamePreset,
  savePreset,
  storeSavedPresets,
  toPresetsFile,
} from "./user-presets";

const origin = "http://127.0.0.1:3000";
const values = (prompt: string): LoraInput => ({ ...defaultInput, prompt, num_images: 2 });

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe("built-in presets", () => {
  it.each(builtInPresets(origin).map((preset) => [preset.name, preset] as const))(
    "%s passes the input schema",
    (_, preset) => {
      expect(readSettings(preset.request).problems).toEqual([]);
    },
  );

  it("uploads the bundled images and leaves other addresses alone", async () => {
    const canny = builtInPresets(origin).find((preset) => preset.id === "canny-controlnet");
    const fetched: string[] = [];
    const reading = readSettings(canny?.request);
    const uploaded = await uploadBundledImages(
      { ...reading.values, image_url: "https://cdn.test/init.png" },
      origin,
      async (file) => `https://cdn.test/uploaded-${file.size}.png`,
      async (url) => {
        fetched.push(String(url));
        return new Response(new Uint8Array(12));
      },
    );
    expect(fetched).toEqual([`${origin}/presets/canny-edges.png`]);
    expect(uploaded.controlnets[0]?.image_url).toBe("https://cdn.test/uploaded-12.png");
    expect(uploaded.image_url).toBe("https://cdn.test/init.png");
  });
});

describe("saved presets", () => {
  it("saves, replaces by name, renames and deletes", () => {
    let presets = savePreset([], "Foxes", values("a fox"));
    presets = savePreset(presets, "Owls", values("an owl"));
    presets = savePreset(presets, " Foxes ", values("two foxes"));
    expect(presets.map((preset) => [preset.name, preset.request.prompt])).toEqual([
      ["Foxes", "two foxes"],
      ["Owls", "an owl"],
    ]);
    const owls = presets[1]?.id ?? "";
    presets = renamePreset(presets, owls, "Night owls");
    presets = deletePreset(presets, presets[0]?.id ?? "");
    expect(presets.map((preset) => preset.name)).toEqual(["Night owls"]);
    expect(presets[0]?.request).toEqual({ model_name: defaultInput.model_name, prompt: "an owl", num_images: 2 });
  });

  it("keeps presets in storage and survives storage that was tampered with", () => {
    const storage = memoryStorage();
    storeSavedPresets(storage, savePreset([], "Foxes", values("a fox")));
    expect(loadSavedPresets(storage)).toMatchObject({ presets: [{ request: { prompt: "a fox" } }], problems: [] });
  });

  it("names what of the saved presets could not be read, and keeps the rest", () => {
    const storage = memoryStorage();
    storage.setItem("fal-lora-playground:presets:v1", "{not json");
    expect(loadSavedPresets(storage)).toEqual({
      presets: [],
      problems: ["Your saved presets could not be read: what this browser stored for them is damaged (not JSON)."],
    });
    storage.setItem("fal-lora-playground:presets:v1", "{}");
    expect(loadSavedPresets(storage).problems).toEqual([
      "Your saved presets could not be read: what this browser stored for them is not a list of presets.",
    ]);
    storage.setItem(
      "fal-lora-playground:presets:v1",
      JSON.stringify([{ name: "ok", request: { prompt: "p", num_images: 80 } }, 5]),
    );
    const reading = loadSavedPresets(storage);
    expect(reading.presets.map((preset) => [preset.name, preset.request])).toEqual([
      ["ok", { model_name: defaultInput.model_name, prompt: "p" }],
    ]);
    expect(reading.problems).toEqual([
      "Not all of your saved presets could be read.",
      'Preset "ok", Number of images: Number of images must be at most 8.',
      "A preset without a usable name was skipped.",
    ]);
  });

  it("says so when the browser will not let it read storage", () => {
    const blocked = {
      getItem: () => {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
      setItem: () => undefined,
    };
    expect(loadSavedPresets(blocked).problems).toEqual([
      "This browser would not let the page read your saved presets (The operation is insecure.).",
    ]);
  });

  it("exports a file that imports back to the same presets", () => {
    const presets = savePreset(savePreset([], "Foxes", values("a fox")), "Owls", values("an owl"));
    const result = importPresetsFile(toPresetsFile(presets), []);
    expect(result.problems).toEqual([]);
    expect(result.imported).toBe(2);
    expect(result.presets.map(({ name, request }) => ({ name, request }))).toEqual(
      presets.map(({ name, request }) => ({ name, request })),
    );
  });

  it("imports what it can from a partly broken file and names the rest", () => {
    const file = JSON.stringify({
      format: "fal-lora-playground/presets",
      version: 1,
      presets: [{ name: "Good", request: { prompt: "p", guidance_scale: 50 } }, { request: {} }],
    });
    const result = importPresetsFile(file, savePreset([], "Mine", values("x")));
    expect(result.presets.map((preset) => preset.name)).toEqual(["Mine", "Good"]);
    expect(result.problems).toEqual([
      'Preset "Good", Guidance scale (CFG): Guidance scale (CFG) must be at most 20.',
      "A preset without a usable name was skipped.",
    ]);
  });

  it("refuses files that are not presets files", () => {
    expect(importPresetsFile("nope", []).problems).toEqual([
      "The file is not JSON, so no presets could be read from it.",
    ]);
    expect(importPresetsFile("[]", []).problems).toEqual([
      "The file is not a presets file exported from this playground.",
    ]);
    expect(
      importPresetsFile(JSON.stringify({ format: "fal-lora-playground/presets", version: 9, presets: [] }), [])
        .problems[0],
    ).toMatch(/format 9/);
  });

  it("asks for a name", () => {
    expect(presetNameProblem("  ")).toBe("Give the preset a name.");
    expect(presetNameProblem("x".repeat(81))).toMatch(/at most 80/);
    expect(presetNameProblem("Foxes")).toBeUndefined();
  });
});

/** A JSON list of `item` as many times as fit in about `size` characters. */
const repeated = (item: string, size: number) =>
  `[${Array.from({ length: Math.floor((size - 80) / (item.length + 1)) }, () => item).join(",")}]`;

/** A presets file whose list holds `shape`'s text as one preset's request, or as its list of presets. */
const presetsFile = (presets: string) => `{"format": "${PRESETS_FILE_FORMAT}", "version": 1, "presets": ${presets}}`;

describe("presets files from elsewhere", () => {
  const shapes: Record<string, (size: number) => string> = {
    ...Object.fromEntries(
      Object.entries(jsonShapes).map(([name, shape]) => [
        `a request of ${name}`,
        (size: number) => presetsFile(`[{"name": "a", "request": ${shape(size - 80)}}]`),
      ]),
    ),
    "thousands of presets of one name": (size) => presetsFile(repeated('{"name": "a", "request": {}}', size)),
    "thousands of presets of their own names": (size) =>
      presetsFile(
        `[${Array.from({ length: Math.floor(size / 40) }, (_, index) => `{"name": "p${index}"}`).join(",")}]`,
      ),
    "thousands of nameless presets": (size) => presetsFile(repeated("{}", size)),
  };

  it.each(Object.entries(shapes))("imports %s of 100 KB in steps linear in its length", async (_name, shape) => {
    let result: ReturnType<typeof importPresetsFile> | undefined;
    const steps = await stepsOf(() => (result = importPresetsFile(shape(100_000), [])));
    expect(steps).toBeLessThanOrEqual(8 * 100_000);
    expect(steps / (await stepsOf(() => importPresetsFile(shape(50_000), [])))).toBeLessThan(2.5);
    expect(result?.presets.length).toBeLessThanOrEqual(MAX_PRESETS);
    expect(result?.problems.length).toBeLessThanOrEqual(21);
  });

  it(`keeps at most ${MAX_PRESETS} presets and says how many more the file had`, () => {
    const many = Array.from({ length: MAX_PRESETS + 40 }, (_, index) => ({ name: `p${index}`, request: {} }));
    const result = importPresetsFile(presetsFile(JSON.stringify(many)), []);
    expect(result.presets).toHaveLength(MAX_PRESETS);
    expect(result.problems).toEqual([
      `540 presets is more than the ${MAX_PRESETS} kept; the ones past the first ${MAX_PRESETS} were left out.`,
    ]);
  });

  it("does not read a file larger than a browser keeps", () => {
    expect(importPresetsFile(" ".repeat(MAX_PRESETS_FILE_LENGTH + 1), []).problems).toEqual([
      "The file is larger than 5 MB, more than a browser keeps for presets, so it was not read.",
    ]);
  });
});
