import "server-only";
import { familyOfCivitaiBaseModel } from "@/lib/civitai/base-models";
import { type CivitaiVersion, civitaiModelVersion, civitaiVersion } from "@/lib/civitai/civitai-api";
import type { CivitaiReference } from "@/lib/civitai/civitai-path";
import { FetchProblem } from "./fetch-problem";
import type { Draft, LookupContext } from "./look-up";

const LORA_TYPES = new Set(["LORA", "LoCon", "DoRA", "LyCORIS"]);

function lookUpVersion(reference: CivitaiReference, context: LookupContext): Promise<CivitaiVersion> {
  const options = { origin: context.civitaiOrigin, signal: context.signal, timeoutMs: context.timeoutMs };
  if (reference.kind === "download") return civitaiVersion(reference.versionId, context.fetch, options);
  if (reference.versionId) return civitaiVersion(reference.versionId, context.fetch, options);
  return civitaiModelVersion(reference.modelId, undefined, context.fetch, options);
}

/**
 * A Civitai download URL, model page or AIR: what Civitai's API says of the version (trained
 * words, base model, preview, its file), and which file to read. Pages and AIRs are not files fal
 * can download, so the card offers the version's download URL instead.
 */
export async function fromCivitai(draft: Draft, reference: CivitaiReference, path: string, context: LookupContext) {
  const { card } = draft;
  card.source = "civitai";
  // The file is read where the API is (a stand-in under test hooks), with the query (type, format, token) as given.
  const given =
    reference.kind === "download"
      ? `${context.civitaiOrigin}/api/download/models/${reference.versionId}${new URL(path).search}`
      : "";
  if (reference.kind === "download") {
    card.token = reference.hasToken ? "given" : undefined;
    draft.file = { url: given, name: `Civitai version ${reference.versionId}`, civitai: true };
  }
  let version: CivitaiVersion;
  try {
    version = await lookUpVersion(reference, context);
  } catch (error) {
    // A download URL still has a header to read; a page or an AIR has nothing else.
    if (reference.kind !== "download" || !(error instanceof FetchProblem)) throw error;
    card.notes.push(`Civitai's API did not say more about it: ${error.message}`);
    return;
  }
  card.title = [version.modelName, version.name].filter(Boolean).join(" — ");
  card.trainedOn = version.baseModel;
  card.preview = version.preview;
  card.triggerWords.push(...version.trainedWords.map((word) => ({ word, from: "Civitai" })));
  const family = familyOfCivitaiBaseModel(version.baseModel);
  if (family) draft.opinions.push(family);
  if (card.role === "lora" && version.modelType && !LORA_TYPES.has(version.modelType)) {
    card.notes.push(`Civitai lists this as a ${version.modelType}, not a LoRA.`);
  }
  if (version.earlyAccess && card.token !== "given") card.token = "needed";
  const fileName = version.fileName ?? `Civitai version ${version.id}`;
  if (reference.kind === "download") {
    draft.file = { url: given, name: fileName, civitai: true };
    card.file = { name: fileName, bytes: version.fileBytes };
    return;
  }
  if (reference.kind === "model-page" && !reference.versionId) {
    card.notes.push(`The page names no version; this is its newest, ${version.name}.`);
  }
  card.useInstead = { path: version.downloadUrl, label: `Use the download URL of ${version.name}` };
  draft.file = { url: version.downloadUrl, name: fileName, civitai: true };
  card.file = { name: fileName, bytes: version.fileBytes };
}
