import "server-only";
import type { GuardedFetch } from "@/lib/http/public-fetch";
import { isRecord } from "@/lib/json/is-record";
import { fetchApiJson } from "@/lib/lora-info/api-json";
import { FetchProblem } from "@/lib/lora-info/fetch-problem";
import { resolveUrl } from "./hf-path";

/*
 * The Hub's model API (docs/lora-info.md#hugging-face): `GET /api/models/{owner}/{name}` answers
 * the repository's files (`siblings[].rfilename`), tags, `gated`, and the model card's YAML as
 * `cardData` (`base_model`, `instance_prompt`, `widget[].output.url`).
 */

export type HubModel = {
  id: string;
  files: string[];
  tags: string[];
  gated: boolean;
  baseModel?: string;
  instancePrompt?: string;
  /** The first widget image, as a path in the repository. */
  widgetImage?: string;
};

export type HubOptions = { origin: string; signal: AbortSignal; timeoutMs: number };

/** Model info is a few kilobytes; a repository of many files, a few hundred. */
const MAX_JSON_BYTES = 4 * 1024 * 1024;

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value.trim() : undefined;

function getJson(url: string, fetch: GuardedFetch, options: HubOptions): Promise<unknown> {
  return fetchApiJson(url, fetch, {
    ...options,
    maxBytes: MAX_JSON_BYTES,
    service: "Hugging Face",
    // The Hub answers 401 for a repository that does not exist as for a private one.
    notFound: { statuses: [401, 404], message: "Hugging Face has no public repository by this id." },
  });
}

/** What the Hub says about a model repository. */
export async function hubModel(repo: string, fetch: GuardedFetch, options: HubOptions): Promise<HubModel> {
  const info = await getJson(`${options.origin}/api/models/${repo}`, fetch, options);
  if (!isRecord(info)) throw new FetchProblem("unsupported", "Hugging Face answered with something unexpected.");
  const card = isRecord(info.cardData) ? info.cardData : {};
  const siblings = Array.isArray(info.siblings) ? info.siblings : [];
  const baseModel = Array.isArray(card.base_model) ? card.base_model[0] : card.base_model;
  const widget = Array.isArray(card.widget) ? card.widget.find(isRecord) : undefined;
  const output = widget && isRecord(widget.output) ? widget.output : undefined;
  return {
    id: text(info.id) ?? repo,
    files: siblings.flatMap((sibling) =>
      isRecord(sibling) && typeof sibling.rfilename === "string" ? [sibling.rfilename] : [],
    ),
    tags: Array.isArray(info.tags) ? info.tags.filter((tag): tag is string => typeof tag === "string") : [],
    gated: info.gated !== undefined && info.gated !== false,
    baseModel: text(baseModel),
    instancePrompt: text(card.instance_prompt),
    widgetImage: text(output?.url),
  };
}

/** A JSON file of a repository (model_index.json, config.json). */
export async function hubJsonFile(
  repo: string,
  file: string,
  fetch: GuardedFetch,
  options: HubOptions,
): Promise<Record<string, unknown>> {
  const json = await getJson(resolveUrl(options.origin, repo, file), fetch, options);
  if (!isRecord(json)) throw new FetchProblem("unsupported", `${file} is not a JSON object.`);
  return json;
}

const LORA_WEIGHT_NAME = "pytorch_lora_weights.safetensors";
const NOT_LORA = ["scheduler", "optimizer", "checkpoint"];

/**
 * The .safetensors file diffusers' `load_lora_weights` picks in a repository given no weight name,
 * as fal's runner does: `pytorch_lora_weights.safetensors` where there is one, else the first
 * .safetensors file whose path names no scheduler, optimizer or checkpoint.
 */
export function loraWeightFile(files: readonly string[]): string | undefined {
  const candidates = files.filter(
    (file) => file.endsWith(".safetensors") && !NOT_LORA.some((word) => file.includes(word)),
  );
  return candidates.find((file) => file.endsWith(LORA_WEIGHT_NAME)) ?? candidates[0];
}
