import "server-only";
import type { GuardedFetch } from "@/lib/http/public-fetch";
import { isRecord } from "@/lib/json/is-record";
import { fetchApiJson } from "@/lib/lora-info/api-json";
import { FetchProblem } from "@/lib/lora-info/fetch-problem";
import { civitaiDownloadUrl } from "./civitai";

/*
 * Civitai's public API (docs/lora-info.md#civitai): `GET /api/v1/model-versions/{id}` and
 * `GET /api/v1/models/{id}` (whose `modelVersions` are the same objects, newest first) answer a
 * version's `trainedWords`, `baseModel`, `files` (the `primary` one with its `downloadUrl`),
 * preview `images`, and `availability` (`EarlyAccess` needs a signed-in download).
 */

export type CivitaiVersion = {
  id: string;
  name: string;
  modelName?: string;
  modelType?: string;
  baseModel?: string;
  trainedWords: string[];
  downloadUrl: string;
  fileName?: string;
  fileBytes?: number;
  /** The first preview image safe for work, when there is one. */
  preview?: string;
  earlyAccess: boolean;
};

export type CivitaiOptions = { origin: string; signal: AbortSignal; timeoutMs: number };

const MAX_JSON_BYTES = 4 * 1024 * 1024;

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value.trim() : undefined;

async function getJson(url: string, fetch: GuardedFetch, options: CivitaiOptions): Promise<Record<string, unknown>> {
  const json = await fetchApiJson(url, fetch, {
    ...options,
    maxBytes: MAX_JSON_BYTES,
    service: "Civitai",
    notFound: { statuses: [404], message: "Civitai has no published model by this id." },
  });
  if (!isRecord(json)) throw new FetchProblem("unsupported", "Civitai answered with something unexpected.");
  return json;
}

/** Images Civitai rates above PG (nsfwLevel 1) are left out of the card. */
function previewOf(images: unknown): string | undefined {
  if (!Array.isArray(images)) return undefined;
  const safe = images.find(
    (image) =>
      isRecord(image) &&
      typeof image.url === "string" &&
      /^https?:\/\//.test(image.url) &&
      (image.type === undefined || image.type === "image") &&
      (typeof image.nsfwLevel !== "number" || image.nsfwLevel <= 1) &&
      image.nsfw !== true &&
      (typeof image.nsfw !== "string" || image.nsfw === "None"),
  );
  return isRecord(safe) ? text(safe.url) : undefined;
}

function versionOf(json: Record<string, unknown>, model?: Record<string, unknown>): CivitaiVersion {
  const id = typeof json.id === "number" || typeof json.id === "string" ? String(json.id) : "";
  if (!/^\d+$/.test(id)) throw new FetchProblem("unsupported", "Civitai answered without a version id.");
  const files = Array.isArray(json.files) ? json.files.filter(isRecord) : [];
  const file =
    files.find((candidate) => candidate.primary === true) ??
    files.find((candidate) => candidate.type === "Model") ??
    files[0];
  const about = isRecord(json.model) ? json.model : (model ?? {});
  const sizeKB = typeof file?.sizeKB === "number" ? file.sizeKB : undefined;
  return {
    id,
    name: text(json.name) ?? `version ${id}`,
    modelName: text(about.name),
    modelType: text(about.type),
    baseModel: text(json.baseModel),
    trainedWords: Array.isArray(json.trainedWords) ? json.trainedWords.flatMap((word) => text(word) ?? []) : [],
    downloadUrl: text(file?.downloadUrl) ?? text(json.downloadUrl) ?? civitaiDownloadUrl(id),
    fileName: text(file?.name),
    fileBytes: sizeKB === undefined ? undefined : Math.round(sizeKB * 1024),
    preview: previewOf(json.images),
    earlyAccess: json.availability === "EarlyAccess",
  };
}

/** One version of a model. */
export async function civitaiVersion(versionId: string, fetch: GuardedFetch, options: CivitaiOptions) {
  return versionOf(await getJson(`${options.origin}/api/v1/model-versions/${versionId}`, fetch, options));
}

/** A model's newest version, or the one asked for. */
export async function civitaiModelVersion(
  modelId: string,
  versionId: string | undefined,
  fetch: GuardedFetch,
  options: CivitaiOptions,
): Promise<CivitaiVersion> {
  const model = await getJson(`${options.origin}/api/v1/models/${modelId}`, fetch, options);
  const versions = Array.isArray(model.modelVersions) ? model.modelVersions.filter(isRecord) : [];
  const version = versionId ? versions.find((candidate) => String(candidate.id) === versionId) : versions[0];
  if (!version) throw new FetchProblem("not-found", "Civitai lists no version of this model.");
  return versionOf(version, model);
}
