import { listLimits } from "@/lib/fal/limits";
import { step } from "@/lib/text/steps";

/** A LoRA named in generation data, before it has a location fal can download it from. */
export type NamedLora = { name: string; scale: number };

/**
 * What was taken out of a prompt: its LoRAs (as many as a run takes), notes on tags that could
 * not be kept, and how many LoRA tags past those were taken out unread.
 */
export type ExtraNetworks = { prompt: string; loras: NamedLora[]; notes: string[]; unread: number };

const MAX_LORAS = listLimits.loras.max;
/** Notes on hypernetwork tags at most; the reading counts notes past its own bound anyway. */
const MAX_TAG_NOTES = 40;

// A1111's extra-network syntax: `<lora:name:te[:unet]>` with optional `te=`/`unet=` named
// arguments; `lyco` is the LyCORIS extension's older spelling, `hypernet` a hypernetwork.
const TAG = /<(lora|lyco|hypernet):([^<>]+)>/gi;
const MARK = "\u0000";

/** A tag as a note quotes it: whole when short, its start otherwise. */
const shortTag = (tag: string) => (tag.length > 80 ? `${tag.slice(0, 77)}…>` : tag);

function readLoraTag(args: string[], notes: string[], tag: string): NamedLora | undefined {
  const positional = args.filter((arg) => !arg.includes("="));
  const named = new Map(args.filter((arg) => arg.includes("=")).map((arg) => arg.split("=", 2) as [string, string]));
  const name = positional[0]?.trim();
  if (!name) {
    notes.push(`${tag} names no LoRA; it was removed from the prompt.`);
    return undefined;
  }
  const te = named.get("te") ?? positional[1] ?? "1";
  const unet = named.get("unet") ?? positional[2];
  const scale = Number(te);
  if (te.trim() === "" || !Number.isFinite(scale)) {
    notes.push(`${tag}: "${te}" is not a weight, so the LoRA "${name}" has scale 1.`);
    return { name, scale: 1 };
  }
  if (unet !== undefined && Number(unet) !== scale) {
    notes.push(
      `${tag} gives the text encoder and the U-Net different weights; fal takes one scale, so ${scale} (the text encoder's) is used.`,
    );
  }
  return { name, scale };
}

const isWeight = (arg: string) => /^-?[\d.]+$/.test(arg.trim()) || /^\w+=[^\n]*$/.test(arg.trim());

/**
 * A1111 splits a tag's body at every colon. This playground's own PNGs name LoRAs by their
 * location, so a URL keeps its colons: only trailing weights are split off it.
 */
function splitArguments(body: string): string[] {
  step(2 * body.length);
  const args = body.split(":");
  if (!/^https?:\/\//i.test(body)) return args;
  const weights: string[] = [];
  while (args.length > 1 && weights.length < 2 && isWeight(args.at(-1) ?? "")) weights.unshift(args.pop() ?? "");
  return [args.join(":"), ...weights];
}

const isBlank = (char: string | undefined) => char === " " || char === "\t";

function trimBlanks(text: string, start: boolean, end: boolean): string {
  let from = 0;
  let to = text.length;
  if (start) while (from < to && isBlank(text[from])) from++;
  if (end) while (to > from && isBlank(text[to - 1])) to--;
  return text.slice(from, to);
}

/**
 * One line with its tags taken out, what each left behind tidied: the blanks beside it, a comma
 * doubled by it or left at either end of the line. One pass over the pieces between tags.
 */
function tidyLine(line: string): string {
  step(2 * line.length);
  const pieces = line.split(MARK);
  let tidied = "";
  pieces.forEach((raw, index) => {
    const piece = trimBlanks(raw, index > 0, index < pieces.length - 1);
    if (index === 0 || piece === "") {
      tidied += piece;
      return;
    }
    if (tidied === "") tidied = trimBlanks(piece.startsWith(",") ? piece.slice(1) : piece, true, false);
    else if (piece.startsWith(",")) tidied = tidied.endsWith(",") ? tidied + piece.slice(1) : tidied + piece;
    else tidied += ` ${piece}`;
  });
  const last = pieces.at(-1) ?? "";
  if (pieces.length > 1 && trimBlanks(last, true, true) === "" && tidied.endsWith(",")) tidied = tidied.slice(0, -1);
  return tidied.trim();
}

/** Removes what a removed tag leaves behind: doubled commas and spaces where it stood. */
function tidy(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.includes(MARK) ? tidyLine(line) : line))
    .join("\n")
    .trim();
}

/**
 * Takes `<lora:…>` tags out of a prompt (A1111 loads them and never sends them to the model):
 * each becomes a named LoRA with its weight as scale. Hypernetworks are removed with a note, as
 * this endpoint has none.
 */
export function takeExtraNetworks(prompt: string): ExtraNetworks {
  const loras: NamedLora[] = [];
  const notes: string[] = [];
  let unread = 0;
  step(prompt.length);
  const marked = prompt.replace(TAG, (tag, kind: string, body: string) => {
    if (kind.toLowerCase() === "hypernet") {
      if (notes.length < MAX_TAG_NOTES) {
        notes.push(`${shortTag(tag)}: fal has no hypernetworks, so it was removed from the prompt.`);
      }
      return MARK;
    }
    // Past the most a run takes, a tag is only taken out and counted.
    if (loras.length >= MAX_LORAS) unread += 1;
    else {
      const lora = readLoraTag(splitArguments(body), notes, shortTag(tag));
      if (lora) loras.push(lora);
    }
    return MARK;
  });
  return { prompt: marked === prompt ? prompt : tidy(marked), loras, notes, unread };
}
