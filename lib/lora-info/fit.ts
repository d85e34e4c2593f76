import { type Family, FAMILY_LABELS, type TriggerWord, type WeightsCard } from "./card";

/** A well-known model of each family this endpoint runs, to switch to when a card names none. */
const FAMILY_MODELS: Record<Exclude<Family, "other">, string> = {
  sd1: "runwayml/stable-diffusion-v1-5",
  sd2: "stabilityai/stable-diffusion-2-1",
  sdxl: "stabilityai/stable-diffusion-xl-base-1.0",
};

export type Fit = {
  /** "Made for SD 1.5; the model is SDXL." */
  message: string;
  /** A model that fits, to switch to in one click. */
  switchTo?: { path: string; label: string };
};

/** The model to offer for weights of this family: the one their card names, else a well-known one. */
function fittingModel(card: WeightsCard, family: Exclude<Family, "other">): Fit["switchTo"] {
  const path = card.baseModel ?? FAMILY_MODELS[family];
  const named = card.baseModel ? "" : ` (${FAMILY_LABELS[family]})`;
  return { path, label: `Use ${path}${named}` };
}

/**
 * Whether weights fit the model: a warning naming both when their families differ, or when the
 * weights are for an architecture this endpoint cannot run. Never a refusal: the card may be wrong.
 */
export function fitOf(card: WeightsCard | undefined, model: WeightsCard | undefined): Fit | undefined {
  const made = card?.family;
  if (!card || !made) return undefined;
  if (made.family === "other") {
    const what = card.role === "model" ? `This is ${made.name}, not SD or SDXL` : `Made for ${made.name}`;
    return { message: `${what}: this endpoint runs SD 1.x, SD 2.x and SDXL models, so fal cannot use it.` };
  }
  const base = model?.family;
  if (!base || base.family === made.family) return undefined;
  const modelName = base.family === "other" ? base.name : FAMILY_LABELS[base.family];
  return { message: `Made for ${made.name}; the model is ${modelName}.`, switchTo: fittingModel(card, made.family) };
}

/** `word` as it stands in a prompt, case and spacing aside. */
export function inPrompt(word: string, prompt: string): boolean {
  const squash = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();
  return squash(prompt).includes(squash(word));
}

/**
 * The trigger words a prompt lacks. Words a host or trainer declared count one by one; tags
 * counted from the training captions are only candidates, so the most frequent stands for them.
 */
export function missingTriggers(words: readonly TriggerWord[], prompt: string): TriggerWord[] {
  const declared = words.filter((word) => word.from !== "training tags");
  const candidates = declared.length > 0 ? declared : words.slice(0, 1);
  return candidates.filter((word) => !inPrompt(word.word, prompt));
}

/** The prompt with `word` added at its end, after a comma. */
export function withTrigger(prompt: string, word: string): string {
  const trimmed = prompt.trimEnd();
  if (!trimmed) return word;
  return /[,;]$/.test(trimmed) ? `${trimmed} ${word}` : `${trimmed}, ${word}`;
}
