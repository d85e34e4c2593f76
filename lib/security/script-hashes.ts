import { createHash } from "node:crypto";

/** One `<script>` element of an HTML document as written: its attributes and its text. */
type ScriptTag = {
  attributes: Map<string, string>;
  text: string;
  /** Where the opening tag's `>` is. */ openTagEnd: number;
};

/*
 * A script's text runs to the first `</script`, whatever it holds (HTML's raw-text rule); Next writes
 * every attribute as name="value" or a bare name, so a small reader of that form is enough.
 */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const ATTRIBUTE = /([^\s="'>/]+)(?:\s*=\s*"([^"]*)")?/g;

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const [, name, value] = match;
    if (name) attributes.set(name.toLowerCase(), value ?? "");
  }
  return attributes;
}

function scriptTags(html: string): ScriptTag[] {
  return [...html.matchAll(SCRIPT)].map((match) => {
    const [, attributeSource = "", text = ""] = match;
    return {
      attributes: attributesOf(attributeSource),
      text,
      openTagEnd: match.index + "<script".length + attributeSource.length,
    };
  });
}

/** A CSP hash-source for an inline script: SHA-256 of its text as UTF-8, as the browser hashes it. */
export function scriptHashSource(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The hash-sources an `integrity` attribute names (CSP3 allows an external script when all of them are listed). */
function integritySources(integrity: string): string[] {
  return integrity
    .split(/\s+/)
    .filter((token) => /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(token))
    .map((token) => `'${token}'`);
}

/**
 * Every hash-source the document's own scripts need: one per inline script, and the integrity of
 * each external one. Throws on an external script without integrity, which no hash could allow.
 */
export function documentScriptSources(html: string): string[] {
  const sources = new Set<string>();
  for (const tag of scriptTags(html)) {
    const src = tag.attributes.get("src");
    if (src === undefined) {
      sources.add(scriptHashSource(tag.text));
      continue;
    }
    const integrity = integritySources(tag.attributes.get("integrity") ?? "");
    if (integrity.length === 0) throw new Error(`<script src="${src}"> has no integrity, so no hash can allow it`);
    integrity.forEach((source) => sources.add(source));
  }
  return [...sources];
}

/**
 * The document with an `integrity` attribute on each external script that lacks one, looked up by
 * its `src`. React writes the client components' chunks without it (react-server-dom-turbopack
 * preinits them with `integrity: undefined`), although Next's SRI manifest knows their hashes.
 */
export function withScriptIntegrity(html: string, integrityOf: (src: string) => string | undefined): string {
  let result = "";
  let copied = 0;
  for (const tag of scriptTags(html)) {
    const src = tag.attributes.get("src");
    if (src === undefined || tag.attributes.has("integrity")) continue;
    const integrity = integrityOf(src);
    if (!integrity) continue;
    result += `${html.slice(copied, tag.openTagEnd)} integrity="${integrity}"`;
    copied = tag.openTagEnd;
  }
  return result + html.slice(copied);
}
