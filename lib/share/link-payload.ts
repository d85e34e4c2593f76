import { compressToEncodedURIComponent } from "lz-string";
import { defaultInput, minimalBody } from "@/lib/fal/defaults";
import type { LoraInput, LoraRequest } from "@/lib/fal/input-schema";
import { isRecord } from "@/lib/json/is-record";
import { inflateLinkPayload } from "./lz-bounded";
import { problemsText, readSettings, type SettingsProblem, type SettingsReading } from "./settings-reader";
import { readSharedImage, type SharedImage } from "./shared-image";
import { parseExactJson, stringifyExactJson } from "@/lib/fal/exact-json";

/*
 * A link's payload is `<version>.<data>`: the data is JSON, compressed with lz-string's URI-safe
 * form. Version 1 is the changed settings alone (a preset); version 2 is a run: its settings, its
 * image and, when fal picked it, its seed. A new version number is used whenever the meaning of the
 * data changes; older pages refuse newer links with a message.
 */
const SETTINGS_VERSION = 1;
const RUN_VERSION = 2;

/** What a link unpacks to at most; past it the link is refused unread (a short link can unpack to megabytes). */
export const MAX_LINK_JSON_CHARS = 256 * 1024;
/** Settings are never nested this deep; deeper JSON is refused before it is parsed. */
const MAX_LINK_DEPTH = 32;

/** A run as a link carries it. `seed` is the seed fal used, as exact digits, when the settings do not hold it. */
export type SharedRun = { image?: SharedImage; seed?: string };

/** What a link says: its settings, and for a run link what it shows of the run. */
export type LinkReading = SettingsReading & { run?: SharedRun };

/** The field name a problem with the link as a whole goes under. */
const LINK_FIELD = "Link";
/** The field name a problem with a run's image goes under. */
export const IMAGE_FIELD = "Image";

function pack(version: number, data: unknown): string {
  return `${version}.${compressToEncodedURIComponent(stringifyExactJson(data))}`;
}

/** A preset link's payload: the settings that differ from the defaults. */
export function settingsPayload(values: LoraInput | LoraRequest): string {
  return pack(SETTINGS_VERSION, minimalBody(values));
}

/** A run link's payload: its settings (the body as sent), its image, and fal's seed when the settings lack it. */
export function runPayload(settings: LoraInput | LoraRequest, run: { imageUrl?: string; seed?: string }): string {
  const body = minimalBody(settings);
  const seed = run.seed !== undefined && run.seed !== String(body.seed) ? run.seed : undefined;
  return pack(RUN_VERSION, { settings: body, image: run.imageUrl, seed });
}

function unreadable(message: string): LinkReading {
  return { values: defaultInput, problems: [{ field: LINK_FIELD, message }], unreadable: true };
}

/** How deeply the JSON text nests, counted in one pass outside strings; stops counting past `limit`. */
function nestingDepth(json: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < json.length; index++) {
    const char = json[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[" || char === "{") {
      deepest = Math.max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (char === "]" || char === "}") depth--;
  }
  return deepest;
}

type Unpacked = { ok: true; data: unknown } | { ok: false; message: string };

function unpack(data: string): Unpacked {
  const inflated = inflateLinkPayload(data, MAX_LINK_JSON_CHARS);
  if (!inflated.ok) {
    return {
      ok: false,
      message:
        inflated.reason === "too-large"
          ? `The link's settings are larger than ${MAX_LINK_JSON_CHARS / 1024} KiB once unpacked; they were not read.`
          : "The link is damaged: its settings could not be decompressed.",
    };
  }
  if (nestingDepth(inflated.text, MAX_LINK_DEPTH) > MAX_LINK_DEPTH) {
    return {
      ok: false,
      message: `The link's settings are nested more than ${MAX_LINK_DEPTH} levels deep; they were not read.`,
    };
  }
  try {
    return { ok: true, data: parseExactJson(inflated.text) };
  } catch {
    return { ok: false, message: "The link is damaged: its settings are not valid JSON." };
  }
}

const SEED_DIGITS = /^\d{1,20}$/;

/** The run part of a version 2 link: what cannot be shown is named in `problems` and left out. */
function readRun(data: Record<string, unknown>, origin: string, problems: SettingsProblem[]): SharedRun {
  const run: SharedRun = {};
  if (data.image !== undefined) {
    const image = readSharedImage(data.image, origin);
    if (image.ok) run.image = image.image;
    else problems.push({ field: IMAGE_FIELD, message: image.message });
  }
  if (data.seed !== undefined) {
    if (typeof data.seed === "string" && SEED_DIGITS.test(data.seed)) run.seed = data.seed;
    else problems.push({ field: "Seed used", message: "The seed fal used could not be read; it is not shown." });
  }
  return run;
}

/**
 * What a link's payload (`<version>.<data>`) says. `origin` is the server the link was opened on: a
 * run's image is shown only from fal's media hosts or that server's simulator. Never throws; what
 * cannot be read is named in `problems`.
 */
export function readLinkPayload(payload: string, origin: string): LinkReading {
  const match = /^(\d{1,6})\.(.*)$/s.exec(payload);
  if (!match) return unreadable("The link is damaged: its settings could not be read.");
  const [, version = "", data = ""] = match;
  if (Number(version) !== SETTINGS_VERSION && Number(version) !== RUN_VERSION) {
    return unreadable(
      `The link was made by another version of the playground (format ${version}); its settings could not be read.`,
    );
  }
  const unpacked = unpack(data);
  if (!unpacked.ok) return unreadable(unpacked.message);
  if (Number(version) === SETTINGS_VERSION) return readSettings(unpacked.data);
  if (!isRecord(unpacked.data)) return unreadable("The link is damaged: it does not hold a run.");
  const settings = readSettings(unpacked.data.settings);
  const problems = [...settings.problems];
  const run = readRun(unpacked.data, origin, problems);
  return { ...settings, problems, run };
}

/** Why a link gets no preview card, or undefined when it gets one. */
export function noPreviewReason(reading: LinkReading): string | undefined {
  if (reading.unreadable) return `The link could not be read. ${problemsText(reading.problems)}`;
  const image = reading.problems.find((problem) => problem.field === IMAGE_FIELD);
  // A run's image on another host is refused outright: nothing is drawn from it, not even around it.
  if (reading.run && !reading.run.image && image) return `${image.field}: ${image.message}`;
  return undefined;
}
