import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/**
 * What `npm run build` found in the prerendered pages (scripts/seal-static-pages.ts): their paths,
 * and the hash-source of every script they run, which is all a static page's CSP needs to allow.
 */
const staticPageScriptsSchema = z.object({
  pages: z.array(z.string().startsWith("/")),
  scriptSources: z.array(z.string().regex(/^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/)),
});

export type StaticPageScripts = z.infer<typeof staticPageScriptsSchema>;

/** Beside Next's own build output, so a new `next build` (which empties `.next`) drops a stale one. */
export function staticPageScriptsPath(distDir: string): string {
  return join(distDir, "static-page-scripts.json");
}

/** The build's record, or undefined where there is none (`next dev`, or a build made without the seal step). */
export function readStaticPageScripts(distDir: string): StaticPageScripts | undefined {
  const path = staticPageScriptsPath(distDir);
  if (!existsSync(path)) return undefined;
  return staticPageScriptsSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}
