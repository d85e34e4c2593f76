import { loraKey, WEIGHTS_EXTENSION } from "./lora-memory";
import type { FindLora, KnownLora } from "./reading";

/** Paths of LoRAs used somewhere (history, a preset), said in the user's words. */
export type LoraPaths = { from: string; paths: string[] };

/**
 * The file name a LoRA location ends in, which is what A1111 calls the LoRA:
 * `https://…/castleStyle.safetensors` and `owner/castleStyle` are "castleStyle". A Civitai
 * download URL ends in a version id, not a name, so it names nothing.
 */
export function loraPathName(path: string): string | undefined {
  let pathname = path.trim();
  if (/^https?:\/\//i.test(pathname)) {
    try {
      pathname = decodeURIComponent(new URL(pathname).pathname);
    } catch {
      return undefined;
    }
    if (/\/api\/download\/models\/\d+\/?$/.test(pathname)) return undefined;
  }
  const last = pathname.split("/").filter(Boolean).at(-1);
  return last?.replace(WEIGHTS_EXTENSION, "") || undefined;
}

/**
 * Finds where a named LoRA was used before: first a location the user gave for that very name,
 * then LoRA paths ending in that name, in the order the sources are given (newest runs first).
 */
export function loraFinder(remembered: ReadonlyMap<string, string>, sources: LoraPaths[]): FindLora {
  const byName = new Map<string, KnownLora>();
  for (const source of sources) {
    for (const path of source.paths) {
      const name = loraPathName(path);
      const key = name && loraKey(name);
      if (key && !byName.has(key)) byName.set(key, { path, from: source.from });
    }
  }
  return (name) => {
    const key = loraKey(name);
    const given = remembered.get(key);
    if (given) return { path: given, from: "the URL you gave for it before" };
    return byName.get(key);
  };
}
