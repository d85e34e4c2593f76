import "server-only";
import { type HfReference, isRepoId, resolveUrl } from "@/lib/huggingface/hf-path";
import { type HubModel, type HubOptions, hubJsonFile, hubModel, loraWeightFile } from "@/lib/huggingface/hub-api";
import { FetchProblem } from "./fetch-problem";
import { familyOfKnownModel, familyOfPipeline } from "./known-models";
import type { Draft, LookupContext, WeightsQuery } from "./look-up";

const CROSS_ATTENTION: Record<number, "sd1" | "sd2" | "sdxl"> = { 768: "sd1", 1024: "sd2", 2048: "sdxl" };
const NAMES = { sd1: "SD 1.x", sd2: "SD 2.x", sdxl: "SDXL" } as const;

/** The origin a Hub URL was given on, so a suggested URL stays on it (www.huggingface.co, a stand-in). */
function originOf(path: string, fallback: string): string {
  try {
    const url = new URL(path);
    return url.host === new URL(fallback).host ? fallback : url.origin;
  } catch {
    return fallback;
  }
}

/** What the model card says: its base model, instance prompt and widget image. */
function applyModelCard(draft: Draft, model: HubModel, origin: string): void {
  const { card } = draft;
  if (model.baseModel && isRepoId(model.baseModel)) card.baseModel = model.baseModel;
  const base = familyOfKnownModel(model.baseModel, "its model card names the base model");
  if (base) draft.opinions.push(base);
  if (model.instancePrompt) card.triggerWords.push({ word: model.instancePrompt, from: "the model card" });
  const image = model.widgetImage;
  if (image) card.preview = /^https?:\/\//.test(image) ? image : resolveUrl(origin, model.id, image);
  if (model.gated) card.notes.push("The repository is gated: fal's runner can download it only with access granted.");
}

/** A diffusers repository's family: its pipeline class, and for SD 1/2 its UNet's cross-attention width. */
async function applyDiffusersConfig(draft: Draft, model: HubModel, options: HubOptions, context: LookupContext) {
  const { card } = draft;
  const index = model.files.includes("model_index.json");
  const file = index ? "model_index.json" : model.files.includes("config.json") ? "config.json" : undefined;
  if (!file) {
    card.notes.push(
      `The repository has no ${card.role === "model" ? "model_index.json" : "config.json"}: diffusers cannot load it by id.`,
    );
    return;
  }
  const config = await hubJsonFile(model.id, file, context.fetch, options);
  const className = typeof config._class_name === "string" ? config._class_name : undefined;
  card.layout = "diffusers-repo";
  if (index) card.pipeline = className;
  let width = typeof config.cross_attention_dim === "number" ? config.cross_attention_dim : undefined;
  const pipeline = className && index ? familyOfPipeline(className) : undefined;
  if (pipeline === "sdxl" || pipeline === "other") {
    const name = pipeline === "sdxl" ? "SDXL" : (className?.replace(/Pipeline$/, "") ?? "another pipeline");
    draft.opinions.unshift({ family: pipeline, name, evidence: `its pipeline is ${className}` });
    return;
  }
  if (index && model.files.includes("unet/config.json")) {
    const unet = await hubJsonFile(model.id, "unet/config.json", context.fetch, options).catch(() => undefined);
    width = typeof unet?.cross_attention_dim === "number" ? unet.cross_attention_dim : undefined;
  }
  const family = width === undefined ? undefined : CROSS_ATTENTION[width];
  if (family)
    draft.opinions.unshift({ family, name: NAMES[family], evidence: `its UNet's cross-attention is ${width} wide` });
  else if (className && !pipeline) card.notes.push(`${className} is not a pipeline this endpoint is known to run.`);
}

/** The IP adapter's weight file: diffusers takes `subfolder/weight_name`; a .bin has a .safetensors twin on h94/IP-Adapter. */
function ipAdapterFile(model: HubModel, query: WeightsQuery): string | undefined {
  if (!query.weightName) return undefined;
  const file = [query.subfolder, query.weightName].filter(Boolean).join("/");
  const twin = file.replace(/\.bin$/, ".safetensors");
  return model.files.includes(twin) ? twin : file;
}

/**
 * A Hugging Face id or URL: what the Hub says of the repository, and which file to read the
 * header of (for a LoRA, the one diffusers would load). A URL fal cannot load (a file's web page,
 * the repository's page) gets the one it can.
 */
export async function fromHuggingFace(
  draft: Draft,
  reference: HfReference,
  query: WeightsQuery,
  context: LookupContext,
) {
  const { card } = draft;
  card.source = "huggingface";
  card.title = reference.repo;
  const origin = originOf(query.path, context.hfOrigin);
  const options = { origin: context.hfOrigin, signal: context.signal, timeoutMs: context.timeoutMs };
  if (reference.kind === "file-page") {
    const url = resolveUrl(origin, reference.repo, reference.file, reference.revision);
    card.useInstead = { path: url, label: "Use the file's download (resolve) URL" };
  }
  if (reference.kind === "repo-page") card.useInstead = { path: reference.repo, label: `Use the id ${reference.repo}` };
  if (reference.kind === "file" || reference.kind === "file-page") {
    // Read from the Hub this server asks (a stand-in under test hooks), whichever of its hosts the URL named.
    draft.file = {
      url: resolveUrl(context.hfOrigin, reference.repo, reference.file, reference.revision),
      name: reference.file,
    };
    // The file is what fal loads; the model card only adds to it, so the Hub not answering is no problem.
    const model = await hubModel(reference.repo, context.fetch, options).catch(() => undefined);
    if (model) applyModelCard(draft, model, context.hfOrigin);
    return;
  }
  const model = await hubModel(reference.repo, context.fetch, options);
  applyModelCard(draft, model, context.hfOrigin);
  if (query.role === "model" || query.role === "controlnet") {
    await applyDiffusersConfig(draft, model, options, context);
    return;
  }
  const file = query.role === "ip-adapter" ? ipAdapterFile(model, query) : loraWeightFile(model.files);
  if (!file) {
    const what =
      query.role === "ip-adapter"
        ? "Give the IP adapter's weight name to read it."
        : "The repository has no .safetensors file for diffusers to load.";
    if (query.role === "ip-adapter") card.notes.push(what);
    else throw new FetchProblem("not-found", what);
    return;
  }
  draft.file = { url: resolveUrl(context.hfOrigin, model.id, file), name: file };
}
