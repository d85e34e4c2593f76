import { isRecord } from "@/lib/json/is-record";
import { step } from "@/lib/text/steps";
import type { NamedLora } from "./extra-networks";
import type { GenerationData } from "./generation-data";

/** Fooocus's JSON keys (its `modules/async_worker.py` metadata) read as the A1111 key of the same setting. */
const AS_A1111: Record<string, string> = {
  steps: "Steps",
  guidance_scale: "CFG scale",
  seed: "Seed",
  sampler: "Sampler",
  scheduler: "Scheduler",
  clip_skip: "Clip skip",
  base_model: "Model",
  base_model_hash: "Model hash",
  version: "Version",
};

/** Keys read into the prompts and LoRAs, so not listed as ignored. */
const CONSUMED = new Set([
  "prompt",
  "negative_prompt",
  "full_prompt",
  "full_negative_prompt",
  "loras",
  "metadata_scheme",
]);

function text(value: unknown): string {
  step();
  return typeof value === "string"
    ? value
    : typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : JSON.stringify(value);
}

function joined(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const parts = value.filter((part): part is string => typeof part === "string" && part.trim() !== "");
  return parts.length > 0 ? parts.join(", ") : undefined;
}

/** `loras: [[name, weight, hash]]` in newer Fooocus; `lora_combined_N: "name : weight"` (or "True : name : weight") in all. */
function readLoras(json: Record<string, unknown>): NamedLora[] {
  if (Array.isArray(json.loras)) {
    step(json.loras.length);
    return json.loras.flatMap((item): NamedLora[] => {
      if (!Array.isArray(item) || typeof item[0] !== "string") return [];
      const scale = Number(item[1]);
      return [{ name: item[0], scale: Number.isFinite(scale) ? scale : 1 }];
    });
  }
  const keys = Object.keys(json);
  step(keys.reduce((sum, key) => sum + key.length, keys.length));
  return keys
    .filter((key) => /^lora_combined_\d+$/.test(key))
    .sort((a, b) => Number(a.slice(14)) - Number(b.slice(14)))
    .flatMap((key): NamedLora[] => {
      const parts = text(json[key]).split(" : ");
      const [enabled, name, weight] = parts.length === 3 ? parts : ["True", parts[0], parts[1]];
      if (enabled !== "True" || !name || name === "None") return [];
      const scale = Number(weight);
      return [{ name, scale: Number.isFinite(scale) ? scale : 1 }];
    });
}

/**
 * Reads the JSON Fooocus writes in a PNG's `parameters` chunk (scheme "fooocus") and copies from
 * its log ("Copy to Clipboard"). Its styles and prompt expansion change what the model sees, so
 * where the PNG gives the full prompt Fooocus used, that is the prompt, joined the way Fooocus's
 * own A1111 export joins it.
 */
export function parseFooocusJson(value: unknown): GenerationData | undefined {
  if (!isRecord(value) || (typeof value.prompt !== "string" && !Array.isArray(value.full_prompt))) return undefined;
  const parameters = new Map<string, string>();
  for (const [key, entry] of Object.entries(value)) {
    step(key.length);
    if (CONSUMED.has(key) || /^lora_combined_\d+$/.test(key) || entry === null || entry === "" || entry === "None")
      continue;
    if (key === "resolution") {
      const size = /^\((\d+),\s*(\d+)\)$/.exec(text(entry));
      parameters.set("Size", size ? `${size[1]}x${size[2]}` : text(entry));
    } else parameters.set(AS_A1111[key] ?? key, text(entry));
  }
  const typed = typeof value.prompt === "string" ? value.prompt : "";
  const prompt = joined(value.full_prompt) ?? typed;
  const negativePrompt =
    joined(value.full_negative_prompt) ?? (typeof value.negative_prompt === "string" ? value.negative_prompt : "");
  const notes: string[] = [];
  if (prompt !== typed && typed.trim() !== "") {
    notes.push(
      `Fooocus's styles and prompt expansion are written out in the prompt, as Fooocus exports it; the prompt typed in Fooocus was "${typed}".`,
    );
  } else if (typeof value.styles === "string" && value.styles !== "[]") {
    notes.push(`Fooocus's styles ${value.styles} are not applied here: the prompt is the one typed in Fooocus.`);
  }
  return { tool: "Fooocus", prompt, negativePrompt, parameters, stray: [], loras: readLoras(value), notes };
}
