import { parseExactJson, stringifyExactJson } from "@/lib/fal/exact-json";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { minimalBody } from "@/lib/fal/defaults";
import type { LoraInput } from "@/lib/fal/input-schema";
import { isRecord } from "@/lib/json/is-record";
import { readSettings } from "@/lib/share/settings-reader";
import { messageOf } from "@/lib/errors/message-of";
import { step } from "@/lib/text/steps";

/** A preset the user saved in this browser. */
export type SavedPreset = { id: string; name: string; request: LoraRequest; savedAt: string };

export const PRESETS_STORAGE_KEY = "fal-lora-playground:presets:v1";
export const PRESETS_FILE_FORMAT = "fal-lora-playground/presets";
export const PRESETS_FILE_VERSION = 1;
export const MAX_PRESET_NAME = 80;
/** Presets kept at most: more than anyone keeps, and within what a browser's storage holds. */
export const MAX_PRESETS = 500;
/** The longest presets file read: a browser's storage holds about this much in all. */
export const MAX_PRESETS_FILE_LENGTH = 5 * 1024 * 1024;
/** Problems listed one by one at most; the rest are counted. */
const MAX_LISTED_PROBLEMS = 20;

type PresetStorage = Pick<Storage, "getItem" | "setItem">;

/** Why a name cannot be used, or undefined when it can. */
export function presetNameProblem(name: string): string | undefined {
  if (name.trim() === "") return "Give the preset a name.";
  if (name.trim().length > MAX_PRESET_NAME) return `A preset name can be at most ${MAX_PRESET_NAME} characters.`;
  return undefined;
}

/** A stored or imported preset, its request read field by field; undefined when it has no usable name. */
function readPreset(
  value: unknown,
  problems: string[],
): { name: string; request: LoraRequest; id?: string; savedAt?: string } | undefined {
  step();
  if (!isRecord(value) || typeof value.name !== "string" || presetNameProblem(value.name)) {
    problems.push("A preset without a usable name was skipped.");
    return undefined;
  }
  const name = value.name.trim();
  const reading = readSettings(value.request);
  for (const problem of reading.problems) problems.push(`Preset "${name}", ${problem.field}: ${problem.message}`);
  return {
    name,
    request: minimalBody(reading.values),
    id: typeof value.id === "string" ? value.id : undefined,
    savedAt: typeof value.savedAt === "string" ? value.savedAt : undefined,
  };
}

/** The presets saved in this browser, and what of them could not be read (named, never dropped silently). */
export type SavedPresetsReading = { presets: SavedPreset[]; problems: string[] };

function storedText(storage: PresetStorage): string | { problem: string } {
  try {
    return storage.getItem(PRESETS_STORAGE_KEY) ?? "[]";
  } catch (cause) {
    const why = messageOf(cause);
    return { problem: `This browser would not let the page read your saved presets (${why}).` };
  }
}

export function loadSavedPresets(storage: PresetStorage): SavedPresetsReading {
  const text = storedText(storage);
  if (typeof text !== "string") return { presets: [], problems: [text.problem] };
  let stored: unknown;
  try {
    stored = parseExactJson(text);
  } catch {
    return {
      presets: [],
      problems: ["Your saved presets could not be read: what this browser stored for them is damaged (not JSON)."],
    };
  }
  if (!Array.isArray(stored)) {
    return {
      presets: [],
      problems: ["Your saved presets could not be read: what this browser stored for them is not a list of presets."],
    };
  }
  const problems: string[] = [];
  if (stored.length > MAX_PRESETS) problems.push(tooManyPresets(stored.length));
  const presets = stored.slice(0, MAX_PRESETS).flatMap((item) => {
    const preset = readPreset(item, problems);
    return preset
      ? [
          {
            id: preset.id ?? crypto.randomUUID(),
            savedAt: preset.savedAt ?? "",
            name: preset.name,
            request: preset.request,
          },
        ]
      : [];
  });
  return {
    presets,
    problems: problems.length > 0 ? ["Not all of your saved presets could be read.", ...listedFirst(problems)] : [],
  };
}

function tooManyPresets(count: number): string {
  return `${count.toLocaleString("en-US")} presets is more than the ${MAX_PRESETS} kept; the ones past the first ${MAX_PRESETS} were left out.`;
}

/** The first problems, and a line saying how many more there were. */
function listedFirst(problems: string[]): string[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return problems;
  const more = (problems.length - MAX_LISTED_PROBLEMS).toLocaleString("en-US");
  return [...problems.slice(0, MAX_LISTED_PROBLEMS), `${more} more problems like these.`];
}

export function storeSavedPresets(storage: PresetStorage, presets: SavedPreset[]): void {
  storage.setItem(PRESETS_STORAGE_KEY, stringifyExactJson(presets));
}

/** Saves the settings under a name; a preset of the same name is replaced. */
export function savePreset(presets: SavedPreset[], name: string, values: LoraInput, now = new Date()): SavedPreset[] {
  const preset: SavedPreset = {
    id: crypto.randomUUID(),
    name: name.trim(),
    request: minimalBody(values),
    savedAt: now.toISOString(),
  };
  const index = presets.findIndex((item) => item.name === preset.name);
  return index < 0
    ? [...presets, preset]
    : presets.map((item, at) => (at === index ? { ...preset, id: item.id } : item));
}

export function renamePreset(presets: SavedPreset[], id: string, name: string): SavedPreset[] {
  return presets.map((preset) => (preset.id === id ? { ...preset, name: name.trim() } : preset));
}

export function deletePreset(presets: SavedPreset[], id: string): SavedPreset[] {
  return presets.filter((preset) => preset.id !== id);
}

export function toPresetsFile(presets: SavedPreset[]): string {
  const file = {
    format: PRESETS_FILE_FORMAT,
    version: PRESETS_FILE_VERSION,
    presets: presets.map(({ name, request, savedAt }) => ({ name, request, savedAt })),
  };
  return `${stringifyExactJson(file, 2)}\n`;
}

/**
 * Presets from a file made by `toPresetsFile`, added to the ones already saved (same name: replaced).
 * Whatever cannot be read is named in `problems`; the rest is kept.
 */
export function importPresetsFile(
  text: string,
  existing: SavedPreset[],
  now = new Date(),
): { presets: SavedPreset[]; imported: number; problems: string[] } {
  const problems: string[] = [];
  if (text.length > MAX_PRESETS_FILE_LENGTH) {
    return {
      presets: existing,
      imported: 0,
      problems: ["The file is larger than 5 MB, more than a browser keeps for presets, so it was not read."],
    };
  }
  step(text.length);
  let file: unknown;
  try {
    file = parseExactJson(text);
  } catch {
    return { presets: existing, imported: 0, problems: ["The file is not JSON, so no presets could be read from it."] };
  }
  if (!isRecord(file) || file.format !== PRESETS_FILE_FORMAT || !Array.isArray(file.presets)) {
    return {
      presets: existing,
      imported: 0,
      problems: ["The file is not a presets file exported from this playground."],
    };
  }
  if (file.version !== PRESETS_FILE_VERSION) {
    return {
      presets: existing,
      imported: 0,
      problems: [`The file is from another version of the playground (format ${String(file.version)}).`],
    };
  }
  // By name, in order: a preset of the same name is replaced where it stands, keeping its id.
  const byName = new Map(existing.map((preset) => [preset.name, preset]));
  let imported = 0;
  for (const item of file.presets) {
    if (byName.size >= MAX_PRESETS && !(isRecord(item) && byName.has(String(item.name).trim()))) {
      problems.push(tooManyPresets(file.presets.length + existing.length));
      break;
    }
    const preset = readPreset(item, problems);
    if (!preset) continue;
    const replaced = byName.get(preset.name);
    byName.set(preset.name, {
      id: replaced?.id ?? crypto.randomUUID(),
      name: preset.name,
      request: preset.request,
      savedAt: preset.savedAt ?? now.toISOString(),
    });
    imported++;
  }
  return { presets: [...byName.values()], imported, problems: listedFirst(problems) };
}
