import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { documentScriptSources, withScriptIntegrity } from "./script-hashes";
import { type StaticPageScripts, staticPageScriptsPath } from "./static-page-scripts";

const prerenderManifestSchema = z.object({ routes: z.record(z.string(), z.unknown()) });
const integrityManifestSchema = z.record(z.string(), z.string());

async function readJson<T>(path: string, schema: z.ZodType<T>, missing: string): Promise<T> {
  if (!existsSync(path)) throw new Error(missing);
  return schema.parse(JSON.parse(await readFile(path, "utf8")));
}

function htmlFileOf(distDir: string, route: string): string {
  return join(distDir, "server/app", route === "/" ? "index.html" : `${route.slice(1)}.html`);
}

/**
 * After `next build`: gives every external script of each prerendered page the integrity that Next's
 * SRI manifest holds for it, then records the pages and the hash-sources of all their scripts for
 * proxy.ts. Run again on the same build, it changes nothing.
 */
export async function sealStaticPages(distDir: string): Promise<StaticPageScripts> {
  const { routes } = await readJson(
    join(distDir, "prerender-manifest.json"),
    prerenderManifestSchema,
    `No prerender manifest in ${distDir}: run next build first`,
  );
  const integrity = await readJson(
    join(distDir, "server/subresource-integrity-manifest.json"),
    integrityManifestSchema,
    "No subresource integrity manifest: next.config.mjs must turn on experimental.sri",
  );
  const integrityOf = (src: string) => (src.startsWith("/_next/") ? integrity[src.slice("/_next/".length)] : undefined);

  const pages = Object.keys(routes)
    .filter((route) => existsSync(htmlFileOf(distDir, route)))
    .sort();
  const scriptSources = new Set<string>();
  for (const route of pages) {
    const file = htmlFileOf(distDir, route);
    const html = await readFile(file, "utf8");
    const sealed = withScriptIntegrity(html, integrityOf);
    if (sealed !== html) await writeFile(file, sealed);
    try {
      documentScriptSources(sealed).forEach((source) => scriptSources.add(source));
    } catch (error) {
      throw new Error(`${route}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const record: StaticPageScripts = { pages, scriptSources: [...scriptSources].sort() };
  await writeFile(staticPageScriptsPath(distDir), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}
