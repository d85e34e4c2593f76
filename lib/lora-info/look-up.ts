import "server-only";
import { parseCivitaiPath, withoutToken } from "@/lib/civitai/civitai-path";
import { isRepoId, parseHuggingFacePath } from "@/lib/huggingface/hf-path";
import { parseHttpUrl } from "@/lib/http/http-url";
import type { GuardedFetch } from "@/lib/http/public-fetch";
import { tensorFindings } from "./architecture";
import { type FamilyFinding, FAMILY_LABELS, type WeightsCard, type WeightsRole } from "./card";
import { FetchProblem, thrownProblem } from "./fetch-problem";
import { fromCivitai } from "./from-civitai";
import { fromHuggingFace } from "./from-hugging-face";
import { type HeaderRead, readSafetensorsHeader } from "./read-header";
import { trainerMetadata } from "./trainer-metadata";

export type WeightsQuery = { path: string; role: WeightsRole; subfolder?: string; weightName?: string };

export type LookupContext = {
  fetch: GuardedFetch;
  /** Where the Hub's API and files are (https://huggingface.co, or a stand-in under test hooks). */
  hfOrigin: string;
  civitaiOrigin: string;
  signal: AbortSignal;
  /** Each request's own bound; `signal` ends the whole lookup. */
  timeoutMs: number;
};

/** The file a card reads the header of. */
export type FileToRead = { url: string; name: string; civitai?: boolean };

/** A card being filled: its hosts' opinions on the family wait until the file's own are in. */
export type Draft = { card: WeightsCard; opinions: FamilyFinding[]; file?: FileToRead };

export type Lookup = { card: WeightsCard; file?: FileToRead; etag?: string };

function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split("/").filter(Boolean).at(-1) ?? url);
  } catch {
    return url;
  }
}

const LORA_LAYOUT_NOTE: Partial<Record<string, string>> = {
  lycoris: "LyCORIS files (LoHa, LoKr) are not the LoRA layout diffusers loads: fal may refuse this one.",
};

/** What the file's own header says, laid onto the card; the header outranks its hosts on the family. */
function applyHeader(draft: Draft, read: HeaderRead, role: WeightsRole): void {
  const { card } = draft;
  const tensors = tensorFindings(read.header, read.data);
  const metadata = trainerMetadata(read.header.metadata);
  card.layout = tensors.layout ?? (tensors.kind === "checkpoint" ? "checkpoint" : undefined);
  card.rank = tensors.rank ?? metadata.rank;
  card.alpha = metadata.alpha ?? tensors.alpha;
  card.tensors = read.header.tensors.size;
  card.trainedOn = metadata.trainedOn ?? card.trainedOn;
  card.resolution = metadata.resolution;
  card.title ??= metadata.title;
  card.triggerWords.push(...metadata.triggerWords);
  if (!card.baseModel && metadata.baseModelName && isRepoId(metadata.baseModelName))
    card.baseModel = metadata.baseModelName;
  card.bytesRead = (card.bytesRead ?? 0) + read.bytesRead;
  if (card.file && read.fileBytes !== undefined) card.file.bytes = read.fileBytes;
  draft.opinions.unshift(...[tensors.family, metadata.family].flatMap((finding) => finding ?? []));
  const layoutNote = card.layout && LORA_LAYOUT_NOTE[card.layout];
  if (layoutNote && role === "lora") card.notes.push(layoutNote);
  if (role === "lora" && tensors.kind === "checkpoint")
    card.notes.push("This file is a whole model (a checkpoint), not a LoRA.");
  if (role === "lora" && tensors.kind === "unknown")
    card.notes.push("This file holds no LoRA tensors that diffusers knows.");
  if (role === "model" && tensors.kind === "lora")
    card.notes.push("This file is a LoRA, not a model: it belongs in a LoRA row.");
}

/** The family the most trusted source gives, and the first that disagrees. */
function settleFamily({ card, opinions }: Draft): void {
  const [chosen, ...others] = opinions;
  if (!chosen) return;
  card.family = chosen;
  const other = others.find((opinion) => opinion.family !== chosen.family);
  if (other) card.disagreement = `${other.evidence} (${FAMILY_LABELS[other.family]})`;
}

function dedupeTriggers(card: WeightsCard): void {
  const seen = new Set<string>();
  card.triggerWords = card.triggerWords.filter(({ word }) => {
    const key = word.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads the header of the draft's file onto it; a problem is said on the card, never thrown. */
async function readFile(draft: Draft, query: WeightsQuery, context: LookupContext): Promise<string | undefined> {
  const { card, file } = draft;
  if (!file) return undefined;
  card.file ??= { name: file.name };
  try {
    const read = await readSafetensorsHeader(file.url, context.fetch, {
      signal: context.signal,
      timeoutMs: context.timeoutMs,
    });
    if (read === "not-modified") return undefined;
    applyHeader(draft, read, query.role);
    return read.etag;
  } catch (error) {
    const problem = error instanceof FetchProblem ? error : thrownProblem(file.url, error);
    if (problem.kind === "needs-token" && file.civitai && card.token !== "given") {
      card.token = "needed";
      card.notes.push("Without a token its header cannot be read either; what Civitai says about it is shown.");
    } else {
      card.problem = { kind: problem.kind, message: problem.message };
    }
    return undefined;
  }
}

/**
 * Everything the page can know about a path before it is sent: its host's word (Hugging Face's
 * model card, Civitai's API), then the file's own header. A host that cannot be reached leaves a
 * card that says so; the run is never held up by it.
 */
export async function lookUpWeights(query: WeightsQuery, context: LookupContext): Promise<Lookup> {
  const path = query.path.trim();
  const card: WeightsCard = { path: withoutToken(path), role: query.role, source: "url", triggerWords: [], notes: [] };
  const draft: Draft = { card, opinions: [] };
  const civitai = parseCivitaiPath(path, [context.civitaiOrigin]);
  const hub = civitai ? undefined : parseHuggingFacePath(path, [context.hfOrigin]);
  try {
    if (civitai) await fromCivitai(draft, civitai, path, context);
    else if (hub) await fromHuggingFace(draft, hub, query, context);
    else if (parseHttpUrl(path)) draft.file = { url: path, name: fileName(path) };
    else {
      card.problem = {
        kind: "unsupported",
        message: "This is neither a URL nor a Hugging Face id (owner/name): fal could not load it.",
      };
    }
  } catch (error) {
    const problem = error instanceof FetchProblem ? error : thrownProblem(path, error);
    card.problem = { kind: problem.kind, message: problem.message };
  }
  const etag = card.problem ? undefined : await readFile(draft, query, context);
  settleFamily(draft);
  dedupeTriggers(card);
  return { card, file: draft.file, etag };
}
