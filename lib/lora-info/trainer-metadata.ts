import { isRecord } from "@/lib/json/is-record";
import type { Family, FamilyFinding, TriggerWord } from "./card";

/*
 * What trainers write into `__metadata__` (docs/lora-info.md#metadata): kohya's sd-scripts its
 * `ss_*` keys (`ss_base_model_version` is `sd_v1`, `sd_v2`, `sd_v2_v` or `sdxl_base_v1-0`;
 * `ss_tag_frequency` is JSON `{dataset folder: {tag: count}}`), Stability's ModelSpec its
 * `modelspec.*` keys (`modelspec.architecture` is e.g. `stable-diffusion-xl-v1-base/lora`).
 */

export type TrainerMetadata = {
  family?: FamilyFinding;
  /** `ss_base_model_version` or `modelspec.architecture`, verbatim. */
  trainedOn?: string;
  title?: string;
  rank?: string;
  alpha?: string;
  resolution?: string;
  /** The base model's name as the trainer had it: a file name, or a Hugging Face id. */
  baseModelName?: string;
  networkModule?: string;
  triggerWords: TriggerWord[];
};

/** How many of the most frequent training tags are offered as trigger words. */
const TOP_TAGS = 5;

function familyOfKohyaVersion(version: string): FamilyFinding | undefined {
  const value = version.toLowerCase();
  const evidence = `kohya's metadata says ss_base_model_version ${version}`;
  if (value.includes("sdxl")) return { family: "sdxl", name: "SDXL", evidence };
  if (value.startsWith("sd_v1")) return { family: "sd1", name: "SD 1.x", evidence };
  if (value.startsWith("sd_v2")) return { family: "sd2", name: "SD 2.x", evidence };
  if (/flux|sd3|hunyuan|lumina|chroma|qwen|wan/.test(value)) return { family: "other", name: version, evidence };
  return undefined;
}

const MODELSPEC_FAMILIES: [RegExp, Family, string][] = [
  [/^stable-diffusion-xl/, "sdxl", "SDXL"],
  [/^stable-diffusion-v1/, "sd1", "SD 1.x"],
  [/^stable-diffusion-v2/, "sd2", "SD 2.x"],
  [/^stable-diffusion-3/, "other", "SD 3"],
  [/^flux/, "other", "Flux"],
];

function familyOfModelspec(architecture: string): FamilyFinding | undefined {
  const match = MODELSPEC_FAMILIES.find(([pattern]) => pattern.test(architecture.toLowerCase()));
  const evidence = `its ModelSpec says ${architecture}`;
  if (match) return { family: match[1], name: match[2], evidence };
  return architecture ? { family: "other", name: architecture.split("/")[0] ?? architecture, evidence } : undefined;
}

/** `(512, 512)`, `512,512`, `1024x1024` → "512 × 512". */
function readResolution(value: string | undefined): string | undefined {
  const sizes = value?.match(/\d+/g);
  if (!sizes || sizes.length === 0) return undefined;
  const [width, height = width] = sizes;
  return `${width} × ${height}`;
}

/** Numbers as kohya writes them ("16", "8.0", "None"), shown plainly. */
function readNumber(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  return Number.isFinite(number) && value.trim() !== "" ? String(number) : undefined;
}

/** The most frequent tags over every dataset folder, which a kohya-trained LoRA answers to. */
export function frequentTags(tagFrequency: string | undefined, limit = TOP_TAGS): string[] {
  if (!tagFrequency) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(tagFrequency);
  } catch {
    return [];
  }
  if (!isRecord(parsed)) return [];
  const totals = new Map<string, number>();
  for (const folder of Object.values(parsed)) {
    if (!isRecord(folder)) continue;
    for (const [tag, count] of Object.entries(folder)) {
      const word = tag.trim();
      if (word && typeof count === "number" && Number.isFinite(count))
        totals.set(word, (totals.get(word) ?? 0) + count);
    }
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([tag]) => tag);
}

/** Reads kohya's and ModelSpec's keys; what is absent stays absent. */
export function trainerMetadata(metadata: Record<string, string>): TrainerMetadata {
  const kohyaVersion = metadata.ss_base_model_version;
  const architecture = metadata["modelspec.architecture"];
  const triggerWords: TriggerWord[] = [];
  const phrase = metadata["modelspec.trigger_phrase"]?.trim();
  if (phrase) triggerWords.push({ word: phrase, from: "modelspec.trigger_phrase" });
  for (const tag of frequentTags(metadata.ss_tag_frequency)) triggerWords.push({ word: tag, from: "training tags" });
  return {
    family:
      (kohyaVersion ? familyOfKohyaVersion(kohyaVersion) : undefined) ??
      (architecture ? familyOfModelspec(architecture) : undefined),
    trainedOn: kohyaVersion || architecture || undefined,
    title: metadata["modelspec.title"]?.trim() || metadata.ss_output_name?.trim() || undefined,
    rank: readNumber(metadata.ss_network_dim),
    alpha: readNumber(metadata.ss_network_alpha),
    resolution: readResolution(metadata.ss_resolution ?? metadata["modelspec.resolution"]),
    baseModelName: metadata.ss_sd_model_name?.trim() || undefined,
    networkModule: metadata.ss_network_module,
    triggerWords,
  };
}
