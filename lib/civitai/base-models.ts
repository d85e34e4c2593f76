import type { FamilyFinding } from "@/lib/lora-info/card";

/*
 * Civitai's `baseModel` labels by the architecture under them. Pony, Illustrious and NoobAI are
 * SDXL fine-tunes that Civitai lists as base models of their own; Kolors, despite an SDXL-like
 * UNet, has another text encoder, so nothing for SDXL fits it.
 */
const FAMILIES: [RegExp, FamilyFinding["family"]][] = [
  [/^sd 1\.|^sd1/i, "sd1"],
  [/^sd 2\.|^sd2/i, "sd2"],
  [/^sdxl|^pony|^illustrious|^noobai|^playground v2/i, "sdxl"],
  [
    /^flux|^sd 3|^sd3|^aura|^hunyuan|^kolors|^pixart|^stable cascade|^svd|^lumina|^hidream|^wan|^qwen|^chroma|^ltx/i,
    "other",
  ],
];

/** What a Civitai base model label means for this endpoint; undefined for labels it does not know ("Other"). */
export function familyOfCivitaiBaseModel(baseModel: string | undefined): FamilyFinding | undefined {
  if (!baseModel) return undefined;
  const family = FAMILIES.find(([pattern]) => pattern.test(baseModel.trim()))?.[1];
  if (!family) return undefined;
  const name = family === "sdxl" && !/^sdxl/i.test(baseModel) ? `${baseModel} (SDXL)` : baseModel;
  return { family, name, evidence: `Civitai lists its base model as ${baseModel}` };
}
