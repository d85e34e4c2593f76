/** The Hub's own origin; tests point the server at a stand-in (HF_ORIGIN). */
export const HUGGING_FACE_ORIGIN = "https://huggingface.co";

/** What a LoRA or model path says about Hugging Face. */
export type HfReference =
  /** `owner/name`: fal asks the Hub for the repository. */
  | { kind: "repo"; repo: string }
  /** A `resolve` URL: the file itself. */
  | { kind: "file"; repo: string; revision: string; file: string }
  /** A `blob` URL: the file's web page, which fal cannot load; its `resolve` URL is the file. */
  | { kind: "file-page"; repo: string; revision: string; file: string }
  /** The repository's web page: fal needs its id instead. */
  | { kind: "repo-page"; repo: string };

const REPO_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

/** A Hugging Face repository id (`owner/name`), not a URL or a file path. */
export function isRepoId(path: string): boolean {
  return REPO_ID.test(path) && !path.includes("..");
}

/** The file URL of `file` in `repo`: what `hf_hub_download` fetches. */
export function resolveUrl(origin: string, repo: string, file: string, revision = "main"): string {
  const encoded = file.split("/").map(encodeURIComponent).join("/");
  return `${origin}/${repo}/resolve/${encodeURIComponent(revision)}/${encoded}`;
}

/**
 * Reads a path as a Hugging Face reference: a repository id, or a URL on the Hub (`origins` adds
 * stand-ins to huggingface.co). Anything else is not one.
 */
export function parseHuggingFacePath(path: string, origins: readonly string[] = []): HfReference | undefined {
  const trimmed = path.trim();
  if (isRepoId(trimmed)) return { kind: "repo", repo: trimmed };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  const hub = [HUGGING_FACE_ORIGIN, ...origins].find((origin) => {
    const base = new URL(origin);
    const host = url.host === base.host || (base.host === "huggingface.co" && url.host === "www.huggingface.co");
    return host && url.pathname.startsWith(base.pathname.replace(/\/$/, "") + "/");
  });
  if (!hub) return undefined;
  const rest = url.pathname.slice(new URL(hub).pathname.replace(/\/$/, "").length + 1);
  const parts = rest.split("/").filter(Boolean).map(decodeURIComponent);
  const [owner, name, verb, revision, ...file] = parts;
  if (!owner || !name) return undefined;
  const repo = `${owner}/${name}`;
  if (!isRepoId(repo)) return undefined;
  if ((verb === "resolve" || verb === "blob") && revision && file.length > 0) {
    return { kind: verb === "resolve" ? "file" : "file-page", repo, revision, file: file.join("/") };
  }
  return verb === undefined ? { kind: "repo-page", repo } : undefined;
}
