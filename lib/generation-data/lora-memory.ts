export const WEIGHTS_EXTENSION = /\.(safetensors|ckpt|pt|pth|bin)$/i;

/** A LoRA name compared loosely: case, extension and separators aside ("Castle_Style" is "castle-style"). */
export function loraKey(name: string): string {
  return name
    .trim()
    .replace(WEIGHTS_EXTENSION, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** Locations the user gave for LoRAs that generation data named, so the next paste fills them. */
export const LORA_NAMES_STORAGE_KEY = "fal-lora-playground:lora-names:v1";
const MAX_REMEMBERED = 200;

type NameStorage = Pick<Storage, "getItem" | "setItem">;

/** A location worth remembering: an http(s) URL or a Hugging Face id (owner/name). */
export function isLoraLocation(path: string): boolean {
  const trimmed = path.trim();
  if (/^https?:\/\/\S+\.\S+/i.test(trimmed)) return true;
  return /^[\w.-]+\/[\w.-]+(\/\S+)?$/.test(trimmed);
}

function read(storage: NameStorage): [string, string][] {
  try {
    const stored: unknown = JSON.parse(storage.getItem(LORA_NAMES_STORAGE_KEY) ?? "[]");
    if (!Array.isArray(stored)) return [];
    return stored.filter(
      (entry): entry is [string, string] =>
        Array.isArray(entry) && typeof entry[0] === "string" && typeof entry[1] === "string",
    );
  } catch {
    return [];
  }
}

/** Name (compared loosely) → location, most recent last. */
export function rememberedLoras(storage: NameStorage): Map<string, string> {
  return new Map(read(storage));
}

/** Keeps `path` as the location of the LoRA called `name`; the oldest go beyond the limit. Storage errors are ignored. */
export function rememberLora(storage: NameStorage, name: string, path: string): void {
  const key = loraKey(name);
  if (!key || !isLoraLocation(path)) return;
  const entries = read(storage).filter(([other]) => other !== key);
  entries.push([key, path.trim()]);
  try {
    storage.setItem(LORA_NAMES_STORAGE_KEY, JSON.stringify(entries.slice(-MAX_REMEMBERED)));
  } catch {
    // Storage full or refused: the name is simply not remembered.
  }
}

/** This browser's localStorage, or undefined where it is refused (private modes, blocked storage). */
export function browserStorage(): NameStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
