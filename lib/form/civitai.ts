/** What fal needs instead of a Civitai model page URL given as a LoRA path. */
export type CivitaiAdvice = { kind: "download-url"; url: string } | { kind: "pick-version"; modelId: string };

const MODEL_PAGE = /^https?:\/\/(?:www\.)?civitai\.com\/models\/(\d+)/i;

/**
 * fal downloads weights from a URL; a Civitai model page is HTML. The file's URL is
 * `https://civitai.com/api/download/models/<version id>`, and the page URL names the version only
 * when one was picked (`?modelVersionId=`).
 */
export function civitaiAdvice(path: string): CivitaiAdvice | undefined {
  const trimmed = path.trim();
  const page = MODEL_PAGE.exec(trimmed);
  if (!page?.[1]) return undefined;
  const version = new URL(trimmed).searchParams.get("modelVersionId");
  if (version && /^\d+$/.test(version)) return { kind: "download-url", url: `https://civitai.com/api/download/models/${version}` };
  return { kind: "pick-version", modelId: page[1] };
}
