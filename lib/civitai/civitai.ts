import { isRecord } from "@/lib/json/is-record";
import { CIVITAI_ORIGIN, parseCivitaiAir, parseCivitaiPath } from "./civitai-path";

/** The file of one Civitai model version: what fal downloads for a Civitai LoRA or checkpoint. */
export function civitaiDownloadUrl(versionId: string): string {
  return `${CIVITAI_ORIGIN}/api/download/models/${versionId}`;
}

/** What fal needs instead of a Civitai model page URL given as a LoRA path. */
export type CivitaiAdvice = { kind: "download-url"; url: string } | { kind: "pick-version"; modelId: string };

/**
 * fal downloads weights from a URL; a Civitai model page is HTML. The file's URL is
 * `https://civitai.com/api/download/models/<version id>`, and the page URL names the version only
 * when one was picked (`?modelVersionId=`).
 */
export function civitaiAdvice(path: string): CivitaiAdvice | undefined {
  const page = parseCivitaiPath(path);
  if (page?.kind !== "model-page") return undefined;
  if (page.versionId) return { kind: "download-url", url: civitaiDownloadUrl(page.versionId) };
  return { kind: "pick-version", modelId: page.modelId };
}

/** One entry of the "Civitai resources" list Civitai's generator writes, with the file's download URL. */
export type CivitaiResource = { type: string; name: string; versionName?: string; weight?: number; url: string };

const LORA_TYPES = new Set(["lora", "locon", "lycoris", "dora"]);

/** The version id from `modelVersionId`, or from an AIR such as `urn:air:sdxl:lora:civitai:12345@67890`. */
function versionId(entry: Record<string, unknown>): string | undefined {
  if (
    typeof entry.modelVersionId === "number" ||
    (typeof entry.modelVersionId === "string" && /^\d+$/.test(entry.modelVersionId))
  ) {
    return String(entry.modelVersionId);
  }
  return typeof entry.air === "string" ? parseCivitaiAir(entry.air)?.versionId : undefined;
}

/**
 * Reads the JSON list; what cannot be read is left out. fal downloads weights from a URL, and
 * `https://civitai.com/api/download/models/<version id>` is the file of that version.
 */
export function civitaiResources(text: string | undefined): CivitaiResource[] {
  if (!text) return [];
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry): CivitaiResource[] => {
    if (!isRecord(entry)) return [];
    const id = versionId(entry);
    if (!id) return [];
    const kind = typeof entry.type === "string" ? entry.type.toLowerCase() : "";
    const weight = typeof entry.weight === "number" ? entry.weight : undefined;
    return [
      {
        type: LORA_TYPES.has(kind) ? "lora" : kind === "model" ? "checkpoint" : kind,
        name: typeof entry.modelName === "string" && entry.modelName ? entry.modelName : `version ${id}`,
        versionName:
          typeof entry.modelVersionName === "string" && entry.modelVersionName ? entry.modelVersionName : undefined,
        weight,
        url: civitaiDownloadUrl(id),
      },
    ];
  });
}
