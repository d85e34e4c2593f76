/** A LoRA named in generation data, before it has a location fal can download it from. */
export type NamedLora = { name: string; scale: number };

/** What was taken out of a prompt: its LoRAs, and notes on tags that could not be kept. */
export type ExtraNetworks = { prompt: string; loras: NamedLora[]; notes: string[] };

// A1111's extra-network syntax: `<lora:name:te[:unet]>` with optional `te=`/`unet=` named
// arguments; `lyco` is the LyCORIS extension's older spelling, `hypernet` a hypernetwork.
const TAG = /<(lora|lyco|hypernet):([^<>]+)>/gi;
const MARK = "\u0000";

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

/**
 * A1111 splits a tag's body at every colon. This playground's own PNGs name LoRAs by their
 * location, so a URL keeps its colons: only trailing weights are split off it.
 */
function splitArguments(body: string): string[] {
  const args = body.split(":");
  if (!/^https?:\/\//i.test(body)) return args;
  const weights: string[] = [];
  while (args.length > 1 && weights.length < 2 && /^\s*(-?[\d.]+|\w+=.*)\s*$/.test(args.at(-1) ?? ""))
    weights.unshift(args.pop() ?? "");
  return [args.join(":"), ...weights];
}

/** Removes what a removed tag leaves behind: doubled commas and spaces where it stood. */
function tidy(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      if (!line.includes(MARK)) return line;
      return line
        .replace(new RegExp(`[ \\t]*${MARK}[ \\t]*`, "g"), MARK)
        .replace(new RegExp(`,${MARK}+,`, "g"), ",")
        .replace(new RegExp(`^${MARK}+,?[ \\t]*|,?${MARK}+$`, "g"), "")
        .replace(new RegExp(`${MARK}+(?=,)`, "g"), "")
        .replace(new RegExp(`${MARK}+`, "g"), " ")
        .trim();
    })
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
  const marked = prompt.replace(TAG, (tag, kind: string, body: string) => {
    const args = splitArguments(body);
    if (kind.toLowerCase() === "hypernet") {
      notes.push(`${tag}: fal has no hypernetworks, so it was removed from the prompt.`);
      return MARK;
    }
    const lora = readLoraTag(args, notes, tag);
    if (lora) loras.push(lora);
    return MARK;
  });
  return { prompt: marked === prompt ? prompt : tidy(marked), loras, notes };
}
