import { type LinkReading, readLinkPayload } from "./link-payload";

/*
 * A link carries its payload (link-payload.ts) in its path, `/s/<payload>`, where the server reads it
 * to give chat apps a preview card. Older links, and links too long for a server to take, carry it
 * in the hash, `/#s=<payload>`, which never leaves the browser.
 */

/** The route of shared links (app/s/[payload]). */
export const SHARE_PATH = "/s/";
const SHARE_PARAM = "s";
/** Past this many characters some chat apps and browsers cut links off. */
export const LONG_LINK_CHARS = 2000;
/**
 * Past this many characters a link no longer goes in the path: servers and proxies refuse request
 * lines much longer (Node's headers stop at 16 KiB, nginx's default line at 8 KiB).
 */
const MAX_PATH_LINK_CHARS = 8000;

/** A link to a payload on the server at `origin`, and whether a server sees it (and so can show a preview). */
export type ShareLink = { url: string; preview: boolean };

export function shareLinkFor(origin: string, payload: string): ShareLink {
  const inPath = `${origin}${SHARE_PATH}${payload}`;
  if (inPath.length <= MAX_PATH_LINK_CHARS) return { url: inPath, preview: true };
  return { url: `${origin}/#${SHARE_PARAM}=${payload}`, preview: false };
}

/** URLSearchParams would turn the payload's "+" into spaces, so the hash is split by hand. */
function hashParam(hash: string, name: string): string | undefined {
  for (const part of hash.replace(/^#/, "").split("&")) {
    if (part.startsWith(`${name}=`)) return decoded(part.slice(name.length + 1));
  }
  return undefined;
}

/** A payload as a URL carried it: chat apps may have percent-encoded some of its characters. */
export function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A shared link's payload as its path carries it (the route's parameter, or the path after /s/). */
function pathPayload(pathname: string): string | undefined {
  if (!pathname.startsWith(SHARE_PATH)) return undefined;
  return decoded(pathname.slice(SHARE_PATH.length).replace(/\/+$/, ""));
}

/**
 * What the link a page was opened with says, from its hash (`#s=`) or its path (`/s/…`), or null
 * when it carries none. Never throws: what cannot be read is named in `problems`.
 */
export function readShareLocation(location: { pathname: string; hash: string; origin: string }): LinkReading | null {
  const payload = hashParam(location.hash, SHARE_PARAM) ?? pathPayload(location.pathname);
  return payload === undefined ? null : readLinkPayload(payload, location.origin);
}

/** What to tell whoever shares `link` about its length, if anything. */
export function linkLengthNotes(link: ShareLink): string[] {
  const notes: string[] = [];
  if (link.url.length > LONG_LINK_CHARS) {
    notes.push(
      `This link is longer than ${LONG_LINK_CHARS.toLocaleString("en")} characters: some chat apps and browsers cut links that long. Shorter prompts or fewer LoRAs make it shorter.`,
    );
  }
  if (!link.preview) {
    notes.push(
      "Too long for a server to read, it carries its settings after the #: it opens them, but chat apps show no preview of it.",
    );
  }
  return notes;
}
