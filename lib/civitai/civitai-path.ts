/** Civitai's own origin; tests point the server at a stand-in (CIVITAI_ORIGIN). */
export const CIVITAI_ORIGIN = "https://civitai.com";

/** What a path says about Civitai: a file, a model's page, or an AIR. */
export type CivitaiReference =
  /** `…/api/download/models/<version id>`: the file fal downloads; `hasToken` when `?token=` rides along. */
  | { kind: "download"; versionId: string; hasToken: boolean }
  /** `…/models/<model id>[/slug][?modelVersionId=<version id>]`: a web page. */
  | { kind: "model-page"; modelId: string; versionId?: string }
  /** `urn:air:<ecosystem>:<type>:civitai:<model id>@<version id>`. */
  | { kind: "air"; modelId: string; versionId?: string };

/**
 * An AI Resource Identifier naming a Civitai resource: `urn:air:{ecosystem}:{type}:civitai:{model
 * id}[@{version id}][+{file id}][.{format}]`, the `urn:` and `air:` prefixes optional
 * (developer.civitai.com/site/guide/air).
 */
const AIR = /^(?:urn:)?(?:air:)?(?:[\w.-]+:){0,2}civitai:(\d+)(?:@(\d+))?(?:\+\d+)?(?:\.[\w-]+)?$/i;

/** The model and version an AIR names, when it names a Civitai resource. */
export function parseCivitaiAir(air: string): { modelId: string; versionId?: string } | undefined {
  const match = AIR.exec(air.trim());
  return match?.[1] ? { modelId: match[1], versionId: match[2] } : undefined;
}

function onCivitai(url: URL, origins: readonly string[]): string | undefined {
  for (const origin of [CIVITAI_ORIGIN, ...origins]) {
    const base = new URL(origin);
    const sameHost = url.host === base.host || (base.host === "civitai.com" && url.host === "www.civitai.com");
    const prefix = base.pathname.replace(/\/$/, "");
    if (sameHost && url.pathname.startsWith(`${prefix}/`)) return url.pathname.slice(prefix.length);
  }
  return undefined;
}

/** Reads a path as a Civitai reference (`origins` adds stand-ins to civitai.com); anything else is not one. */
export function parseCivitaiPath(path: string, origins: readonly string[] = []): CivitaiReference | undefined {
  const trimmed = path.trim();
  const air = parseCivitaiAir(trimmed);
  if (air && !/^https?:/i.test(trimmed)) return { kind: "air", ...air };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  const pathname = onCivitai(url, origins);
  if (pathname === undefined) return undefined;
  const download = /^\/api\/download\/models\/(\d+)\/?$/.exec(pathname);
  if (download?.[1]) return { kind: "download", versionId: download[1], hasToken: url.searchParams.has("token") };
  const page = /^\/models\/(\d+)(?:\/|$)/.exec(pathname);
  if (!page?.[1]) return undefined;
  const version = url.searchParams.get("modelVersionId");
  return { kind: "model-page", modelId: page[1], versionId: version && /^\d+$/.test(version) ? version : undefined };
}

/** The path with any `token` query parameter taken out, for what the page shows and keeps. */
export function withoutToken(path: string): string {
  try {
    const url = new URL(path);
    if (!url.searchParams.has("token")) return path;
    url.searchParams.delete("token");
    return url.toString();
  } catch {
    return path;
  }
}
