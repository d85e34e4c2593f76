import { loraInputSchema, type Scheduler } from "@/lib/fal/input-schema";
import { listLimits, loraLimits, numberLimits } from "@/lib/fal/limits";
import { step } from "@/lib/text/steps";
import { civitaiResources, type CivitaiResource } from "@/lib/civitai/civitai";
import { type NamedLora, takeExtraNetworks } from "./extra-networks";
import { isLoraLocation } from "./lora-memory";
import type { GenerationData } from "./generation-data";
import { clipSkipFromA1111 } from "./infotext";
import { mapSampler } from "./samplers";

/** Where a LoRA's location came from when the data named it only. */
export type KnownLora = { path: string; from: string };
export type FindLora = (name: string) => KnownLora | undefined;

/** A LoRA row to add: its name, its scale, and its location when one is known. */
export type LoraFromData = NamedLora & { path: string; from?: string };

/** What the data says about the model, shown beside the model field and never filled into it. */
export type ModelHint = { name?: string; hash?: string; civitai?: { label: string; url: string } };

/** The fields generation data fills; a key that is present is set (a present, undefined seed means random). */
export type GenerationFields = {
  prompt?: string;
  negative_prompt?: string;
  num_inference_steps?: number;
  guidance_scale?: number;
  seed?: number | undefined;
  clip_skip?: number;
  noise_strength?: number;
  scheduler?: Scheduler | "";
  eta?: number;
};

/** One setting filled from the data; `value` is left out where the label says it all ("Prompt"). */
export type SetEntry = { label: string; value?: string };

export type GenerationReading = {
  /** The tool the data came from, in the user's words ("AUTOMATIC1111 v1.10.1", "Forge", "Fooocus"…). */
  tool: string;
  fields: GenerationFields;
  loras: LoraFromData[];
  modelHint?: ModelHint;
  /** What is set, in the form's words ({ label: "Inference steps", value: "28" }). */
  set: SetEntry[];
  /** Plain notes: a sampler fal lacks, a value out of range, LoRAs Civitai lists… */
  notes: string[];
  /** Settings with no equivalent here, as "Key: value". */
  ignored: string[];
};

/** Keys read below (or into the model hint), so never listed as ignored. */
const READ = new Set([
  "Steps",
  "Sampler",
  "Schedule type",
  "Scheduler",
  "CFG scale",
  "Seed",
  "Clip skip",
  "Denoising strength",
  "Eta",
  "Model",
  "Model hash",
  "Version",
  "Civitai resources",
  "Lora weights",
]);

const HIRES = /^(Hires |First pass size)/;
// One way to read each number: digits, then a fraction only after a dot (the optional dot between
// two digit runs made this regex quadratic on a long run of digits).
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** Longer than any number a setting takes, digits of a 64-bit seed included. */
const MAX_NUMBER_LENGTH = 40;
/** Notes and settings not used, listed one by one up to this many; the rest are counted. */
const MAX_LISTED = 20;

type FieldName = "num_inference_steps" | "guidance_scale" | "seed" | "clip_skip" | "noise_strength" | "eta";

function toolOf(data: GenerationData): string {
  const version = shortValue(data.parameters.get("Version") ?? "");
  if (data.tool) return version && !version.startsWith(data.tool) ? `${data.tool} (${version})` : version || data.tool;
  if (/^Fooocus/i.test(version)) return version;
  if (
    /^f\d/.test(version) ||
    data.parameters.has("Distilled CFG Scale") ||
    data.parameters.has("Diffusion in Low Bits")
  ) {
    return version ? `Forge (${version})` : "Forge";
  }
  if (
    data.parameters.has("Civitai resources") ||
    data.parameters.has("Civitai metadata") ||
    data.parameters.has("Created Date")
  )
    return "Civitai";
  if (/^v\d/.test(version)) return `AUTOMATIC1111 ${version}`;
  return "AUTOMATIC1111-style";
}

/** A number from the data checked by the input schema's own rule for that field, or a note saying why not. */
function readNumber(
  field: FieldName,
  text: string,
  label: string,
  notes: string[],
  map = (value: number) => value,
): number | undefined {
  const trimmed = text.trim();
  step(text.length);
  if (trimmed.length > MAX_NUMBER_LENGTH || !NUMBER.test(trimmed)) {
    notes.push(`${label} "${shortValue(text)}" is not a number, so ${fieldLabel(field)} was left as it was.`);
    return undefined;
  }
  if (/^\+?\d+$/.test(trimmed) && !Number.isSafeInteger(Number(trimmed))) {
    // Fooocus draws 63-bit seeds; as a JavaScript number they would silently lose digits.
    notes.push(`${label} ${trimmed} is larger than this endpoint takes, so ${fieldLabel(field)} was left as it was.`);
    return undefined;
  }
  const value = map(Number(trimmed));
  const result = loraInputSchema.shape[field].safeParse(value);
  if (result.success) return value;
  notes.push(`${label} ${trimmed}: ${result.error.issues[0]?.message ?? "not accepted here."} It was left as it was.`);
  return undefined;
}

function fieldLabel(field: FieldName): string {
  return field === "seed" ? "Seed" : numberLimits[field].label;
}

/** "Lora weights: name: 0.5, other: 0.8", written by Fooocus's A1111 scheme. */
function loraWeights(text: string | undefined): NamedLora[] {
  if (!text) return [];
  step(2 * text.length);
  return text.split(", ").flatMap((entry): NamedLora[] => {
    const at = entry.lastIndexOf(": ");
    if (at < 1) return [];
    const scale = Number(entry.slice(at + 2));
    return [{ name: entry.slice(0, at).trim(), scale: Number.isFinite(scale) ? scale : 1 }];
  });
}

const civitaiLabel = (resource: CivitaiResource) =>
  resource.versionName ? `${resource.name} (${resource.versionName})` : resource.name;

function withPath(lora: NamedLora, findLora: FindLora): LoraFromData {
  const known = findLora(lora.name);
  if (known) return { ...lora, path: known.path, from: known.from };
  // This playground's own PNGs, and some tools, name a LoRA by its location.
  if (isLoraLocation(lora.name)) return { ...lora, path: lora.name, from: "its name, which is a location" };
  return { ...lora, path: "" };
}

/** A scale fal takes: other tools allow any weight, fal's schema 0 to 4 (the nearest is kept, with a note). */
function withinFalScale<T extends { name: string; scale: number }>(lora: T, notes: string[]): T {
  const { min, max } = loraLimits.scale;
  const scale = Math.min(max, Math.max(min, lora.scale));
  if (scale === lora.scale) return lora;
  notes.push(
    `The LoRA "${lora.name}" has weight ${lora.scale}; fal takes scales from ${min} to ${max}, so it has ${scale}.`,
  );
  return { ...lora, scale };
}

/**
 * LoRAs named in the prompts (or by Fooocus), located where they were used before. Civitai's own
 * generator lists its LoRAs in "Civitai resources" with their version ids instead: those become
 * rows with the download URL, or, beside tags (which name files, not versions), a note.
 */
function readLoras(
  data: GenerationData,
  tagged: NamedLora[],
  civitai: CivitaiResource[],
  findLora: FindLora,
  notes: string[],
): { loras: LoraFromData[]; leftOut: number } {
  const civitaiLoras = civitai.filter((resource) => resource.type === "lora");
  let named = [...tagged, ...(data.loras ?? [])];
  if (named.length === 0) named = loraWeights(data.parameters.get("Lora weights"));
  if (named.length === 0) {
    const loras = civitaiLoras
      .slice(0, MAX_LORAS)
      .map((resource) =>
        withinFalScale(
          { name: civitaiLabel(resource), scale: resource.weight ?? 1, path: resource.url, from: "Civitai resources" },
          notes,
        ),
      );
    return { loras, leftOut: civitaiLoras.length - loras.length };
  }
  for (const resource of civitaiLoras) {
    const weight = resource.weight === undefined ? "" : ` at ${resource.weight}`;
    notes.push(`Civitai lists the LoRA ${civitaiLabel(resource)}${weight}; its download URL is ${resource.url}.`);
  }
  const loras = named.slice(0, MAX_LORAS).map((lora) => withPath(withinFalScale(lora, notes), findLora));
  return { loras, leftOut: named.length - loras.length };
}

/** The LoRAs as the summary lists them, with how many the form could not take. */
function lorasEntry(loras: LoraFromData[], leftOut: number): string {
  const listed = loras.length === 0 ? "none" : loras.map((lora) => `${lora.name} at ${lora.scale}`).join(", ");
  return leftOut === 0 ? listed : `${listed}; ${leftOutText(leftOut)}`;
}

const leftOutText = (count: number) =>
  `${count.toLocaleString("en-US")} more ${count === 1 ? "LoRA was" : "LoRAs were"} left out (a run takes at most ${MAX_LORAS})`;

/** The first items, and a line saying how many more there were. */
function listedFirst(items: string[], more: (count: number) => string): string[] {
  if (items.length <= MAX_LISTED) return items;
  return [...items.slice(0, MAX_LISTED), more(items.length - MAX_LISTED)];
}

function modelHintOf(data: GenerationData, civitai: CivitaiResource[]): ModelHint | undefined {
  const checkpoint = civitai.find((resource) => resource.type === "checkpoint");
  const hint: ModelHint = {
    name: data.parameters.get("Model") || undefined,
    hash: data.parameters.get("Model hash") || undefined,
    civitai: checkpoint && { label: civitaiLabel(checkpoint), url: checkpoint.url },
  };
  return hint.name || hint.hash || hint.civitai ? hint : undefined;
}

const shortValue = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);
const MAX_LORAS = listLimits.loras.max;

/**
 * What generation data sets in this form. Only what the data says is set; the model stays as
 * it is (the data names a file on someone's disk, not a location fal can load), and so do the
 * init image and everything this endpoint has that A1111 does not.
 */
export function readGenerationData(data: GenerationData, findLora: FindLora): GenerationReading {
  const { parameters } = data;
  const notes: string[] = [...(data.notes ?? [])];
  const set: SetEntry[] = [];
  const fields: GenerationFields = {};

  const prompt = takeExtraNetworks(data.prompt);
  const negative = takeExtraNetworks(data.negativePrompt);
  notes.push(...prompt.notes, ...negative.notes);
  fields.prompt = prompt.prompt;
  fields.negative_prompt = negative.prompt;
  set.push(
    prompt.prompt ? { label: "Prompt" } : { label: "Prompt", value: "empty (the data has none)" },
    negative.prompt ? { label: "Negative prompt" } : { label: "Negative prompt", value: "empty" },
  );
  step(prompt.prompt.length + negative.prompt.length);
  if (/\([^()]*:\s*-?[\d.]+\)|\bBREAK\b/.test(`${prompt.prompt}\n${negative.prompt}`)) {
    notes.push(
      "The prompts use A1111's emphasis, such as (word:1.2). fal reads weights only with Prompt weighting on, and in compel's syntax, (word)1.2; as written they are plain text.",
    );
  }

  const steps = parameters.get("Steps");
  if (steps !== undefined) {
    fields.num_inference_steps = readNumber("num_inference_steps", steps, "Steps", notes);
    if (fields.num_inference_steps === undefined) delete fields.num_inference_steps;
    else set.push({ label: numberLimits.num_inference_steps.label, value: String(fields.num_inference_steps) });
  }
  const cfg = parameters.get("CFG scale");
  if (cfg !== undefined) {
    fields.guidance_scale = readNumber("guidance_scale", cfg, "CFG scale", notes);
    if (fields.guidance_scale === undefined) delete fields.guidance_scale;
    else set.push({ label: numberLimits.guidance_scale.label, value: String(fields.guidance_scale) });
  }
  const seed = parameters.get("Seed");
  if (seed !== undefined) {
    if (/^-\d+$/.test(seed.trim())) {
      fields.seed = undefined;
      set.push({ label: "Seed", value: "random (the data says -1)" });
    } else {
      const value = readNumber("seed", seed, "Seed", notes);
      if (value !== undefined) {
        fields.seed = value;
        set.push({ label: "Seed", value: String(value) });
      }
    }
  }

  // A1111 writes nothing at its default, 1.
  const clipSkip = parameters.get("Clip skip");
  const clipValue = readNumber("clip_skip", clipSkip ?? "1", "Clip skip", notes, clipSkipFromA1111);
  if (clipValue !== undefined) {
    fields.clip_skip = clipValue;
    set.push({
      label: numberLimits.clip_skip.label,
      value: `${clipValue} (A1111's Clip skip ${clipSkip ?? "1, its default"})`,
    });
  }

  const hires = [...parameters.keys()].some((key) => HIRES.test(key));
  const denoising = parameters.get("Denoising strength");
  if (denoising !== undefined && hires) {
    notes.push(
      `Denoising strength ${denoising} belongs to A1111's hires fix pass, not to an init image, so noise strength was left as it was.`,
    );
  } else if (denoising !== undefined) {
    const value = readNumber("noise_strength", denoising, "Denoising strength", notes);
    if (value !== undefined) {
      fields.noise_strength = value;
      set.push({ label: numberLimits.noise_strength.label, value: `${value} (A1111's Denoising strength)` });
    }
  }
  const eta = parameters.get("Eta");
  if (eta !== undefined) {
    const value = readNumber("eta", eta, "Eta", notes);
    if (value !== undefined) {
      fields.eta = value;
      set.push({ label: numberLimits.eta.label, value: String(value) });
    }
  }

  const sampler = parameters.get("Sampler");
  if (sampler) {
    step(sampler.length);
    const reading = mapSampler(sampler, parameters.get("Schedule type") ?? parameters.get("Scheduler"));
    fields.scheduler = reading.scheduler ?? "";
    set.push({ label: "Scheduler", value: reading.scheduler ?? "the model's default" });
    if (reading.note) notes.push(reading.note);
  }

  const civitaiText = parameters.get("Civitai resources");
  step(civitaiText?.length ?? 0);
  const civitai = civitaiResources(civitaiText);
  const tagged = [...prompt.loras, ...negative.loras];
  const read = readLoras(data, tagged, civitai, findLora, notes);
  const { loras } = read;
  const leftOut = read.leftOut + prompt.unread + negative.unread;
  set.push({ label: "LoRAs", value: lorasEntry(loras, leftOut) });
  if (leftOut > 0)
    notes.push(`The data names ${(loras.length + leftOut).toLocaleString("en-US")} LoRAs; ${leftOutText(leftOut)}.`);

  step(parameters.size + data.stray.length);
  const ignored = [...parameters.entries()]
    .filter(([key]) => !READ.has(key))
    .map(([key, value]) => `${shortValue(key)}: ${shortValue(value)}`);
  const size = parameters.get("Size");
  if (size !== undefined)
    notes.push(`Size ${shortValue(size)} is not set: the result takes the size of the init image.`);
  ignored.push(...data.stray.map(shortValue));

  return {
    tool: toolOf(data),
    fields,
    loras,
    modelHint: modelHintOf(data, civitai),
    set,
    notes: listedFirst(notes, (count) => `${count.toLocaleString("en-US")} more notes like these.`),
    ignored: listedFirst(ignored, (count) => `${count.toLocaleString("en-US")} more`),
  };
}
