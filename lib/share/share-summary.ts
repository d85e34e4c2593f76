import type { LoraInput } from "@/lib/fal/input-schema";
import { loraPathName } from "@/lib/generation-data/lora-lookup";

/** What a shared link's preview says of it, for the page's tags and the preview card. */
export type ShareSummary = {
  /** The prompt on one line, shortened. */
  title: string;
  model: string;
  /** "name ×scale" per LoRA. */
  loras: string[];
  /** The seed's digits, as the link carries them; undefined when the run left it to chance. */
  seed?: string;
  steps: number;
  /** Steps, guidance and scheduler on one line. */
  sampling: string;
  /** Model, LoRAs with their scales, seed and steps, on one line. */
  description: string;
};

const TITLE_CHARS = 100;
const DESCRIBED_LORAS = 4;

/** The text on one line, cut at `max` characters with an ellipsis. */
export function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** A LoRA as people name it: a Hugging Face id as it is, a URL by its file name (or its host). */
function loraName(path: string): string {
  if (!/^https?:\/\//i.test(path.trim())) return oneLine(path, 60);
  try {
    return oneLine(loraPathName(path) ?? `a LoRA from ${new URL(path).host}`, 60);
  } catch {
    return oneLine(path, 60);
  }
}

/** A scale with at most two decimals, as the form shows it. */
function scaleText(scale: number): string {
  return String(Number(scale.toFixed(2)));
}

/** The summary of these settings; `seed` is the run's own seed when the settings do not hold it. */
export function shareSummary(values: LoraInput, seed?: string): ShareSummary {
  const loras = values.loras.map((lora) => `${loraName(lora.path)} ×${scaleText(lora.scale)}`);
  const seedText = seed ?? (values.seed === undefined ? undefined : String(values.seed));
  const steps = values.num_inference_steps;
  const shownLoras =
    loras.length > DESCRIBED_LORAS
      ? [...loras.slice(0, DESCRIBED_LORAS), `${loras.length - DESCRIBED_LORAS} more`]
      : loras;
  const description = [
    values.model_name,
    loras.length ? `LoRAs: ${shownLoras.join(", ")}` : "no LoRAs",
    seedText ? `seed ${seedText}` : "random seed",
    `${steps} steps`,
  ].join(" · ");
  const sampling = [`${steps} steps`, `CFG ${values.guidance_scale}`, values.scheduler].filter(Boolean).join(" · ");
  return {
    title: oneLine(values.prompt, TITLE_CHARS),
    model: values.model_name,
    loras,
    seed: seedText,
    steps,
    sampling,
    description,
  };
}
