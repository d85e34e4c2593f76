import { parseExactJson, stringifyExactJson } from "@/lib/fal/exact-json";
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";
import type { LoraInput } from "@/lib/fal/input-schema";
import { defaultInput, minimalBody } from "@/lib/fal/defaults";
import { readSettings, type SettingsReading } from "./settings-reader";

/**
 * A link keeps its settings in the URL hash, never sent to a server: `#s=<version>.<payload>`, where
 * the payload is the changed settings as JSON, compressed with lz-string's URI-safe form. A new
 * version number is used whenever the meaning of the payload changes; older pages refuse newer links.
 */
export const SHARE_LINK_VERSION = 1;
export const SHARE_PARAM = "s";
/** Past this many characters some chat apps and browsers cut links off. */
export const LONG_LINK_CHARS = 8 * 1024;

export function encodeSettingsHash(values: LoraInput): string {
  const payload = compressToEncodedURIComponent(stringifyExactJson(minimalBody(values)));
  return `${SHARE_PARAM}=${SHARE_LINK_VERSION}.${payload}`;
}

/** The page's address with these settings in its hash. */
export function shareLinkFor(pageUrl: string, values: LoraInput): string {
  const url = new URL(pageUrl);
  url.hash = encodeSettingsHash(values);
  return url.toString();
}

/** URLSearchParams would turn the payload's "+" into spaces, so the hash is split by hand. */
function hashParam(hash: string, name: string): string | undefined {
  for (const part of hash.replace(/^#/, "").split("&")) {
    if (!part.startsWith(`${name}=`)) continue;
    const raw = part.slice(name.length + 1);
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

function unreadable(message: string): SettingsReading {
  return { values: defaultInput, problems: [{ field: "Link", message }], unreadable: true };
}

function decodePayload(payload: string): unknown {
  try {
    const json = decompressFromEncodedURIComponent(payload);
    return json ? parseExactJson(json) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The settings of a link's hash (with or without its `#`), or null when the hash carries none.
 * A damaged link, one from another version, or fields that fail validation never throw: what can be
 * read is kept and the rest is named in `problems`.
 */
export function readSettingsHash(hash: string): SettingsReading | null {
  const value = hashParam(hash, SHARE_PARAM);
  if (value === undefined) return null;
  const match = /^(\d+)\.(.*)$/s.exec(value);
  if (!match) return unreadable("The link is damaged: its settings could not be read.");
  const [, version = "", payload = ""] = match;
  if (Number(version) !== SHARE_LINK_VERSION) {
    return unreadable(
      `The link was made by another version of the playground (format ${version}); its settings could not be read.`,
    );
  }
  const settings = decodePayload(payload);
  if (settings === undefined) return unreadable("The link is damaged: its settings could not be decompressed.");
  return readSettings(settings);
}
