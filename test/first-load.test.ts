import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";

/*
 * What the page's first load statically reaches, read with esbuild from the page's client
 * components ("use client" modules the server components import). Next bundles differently, but
 * a static import is a static import: what esbuild reaches here, Next ships with the page.
 * Sizes are `npm run bench first-load-js`'s business; this only guards against a stray import.
 */

const ROOT = join(__dirname, "..");
const SERVER_ENTRIES = ["app/layout.tsx", "app/page.tsx", "app/s/[payload]/page.tsx", "app/error.tsx"];
const options = {
  bundle: true,
  write: false,
  metafile: true,
  logLevel: "silent",
  jsx: "automatic",
  format: "esm",
  loader: { ".css": "empty", ".png": "empty", ".svg": "empty" },
  tsconfig: join(ROOT, "tsconfig.json"),
} as const;

const path = (input: string) => relative(ROOT, join(ROOT, input));
const isClientModule = (file: string) => /^\s*["']use client["']/.test(readFileSync(join(ROOT, file), "utf8"));

/** The client modules the server components import: where the browser's part of the page starts. */
async function clientEntries(): Promise<string[]> {
  const { metafile } = await build({
    ...options,
    entryPoints: SERVER_ENTRIES.map((entry) => join(ROOT, entry)),
    outdir: "/tmp/first-load-server",
    packages: "external",
    splitting: true,
  });
  const entries = new Set<string>();
  for (const [input, { imports }] of Object.entries(metafile.inputs)) {
    if (isClientModule(path(input))) continue;
    for (const imported of imports)
      if (!imported.external && isClientModule(path(imported.path))) entries.add(path(imported.path));
  }
  for (const entry of SERVER_ENTRIES) if (isClientModule(entry)) entries.add(entry);
  return [...entries];
}

/** Every module reachable from the client entries without a dynamic `import()`. */
function staticModules(metafile: Metafile, entries: string[]): Set<string> {
  const outputs = metafile.outputs;
  const pending = Object.keys(outputs).filter((output) => {
    const entry = outputs[output]?.entryPoint;
    return entry !== undefined && entries.includes(path(entry));
  });
  const seen = new Set<string>();
  const modules = new Set<string>();
  for (let output = pending.pop(); output !== undefined; output = pending.pop()) {
    if (seen.has(output)) continue;
    seen.add(output);
    const chunk = outputs[output];
    if (!chunk) continue;
    Object.keys(chunk.inputs).forEach((input) => modules.add(path(input)));
    for (const imported of chunk.imports)
      if (imported.kind === "import-statement" && outputs[imported.path]) pending.push(imported.path);
  }
  return modules;
}

/** Loaded when first used (a Run, an upload, a tool opened, a group opened, a file dropped, a path entered) or once the page is idle, never with the page. */
const LATER = [
  "node_modules/zod/",
  "node_modules/@fal-ai/client/",
  "node_modules/lz-string/",
  "lib/fal/input-schema.ts",
  "lib/fal/output-schema.ts",
  "lib/history/stored-run.ts",
  "lib/runs/fal-transport.ts",
  "lib/runs/run-follower.ts",
  "lib/runs/run-error.ts",
  "lib/fal/fal-errors.ts",
  "components/form/json-tab.tsx",
  "components/form/sections/controlnet-items.tsx",
  "components/form/sections/ip-adapter-items.tsx",
  "components/form/sections/sampling-options.tsx",
  "components/form/request-options-fields.tsx",
  "components/share/share-panel.tsx",
  "components/share/linked-run.tsx",
  "components/share/make-link.ts",
  "lib/share/share-link.ts",
  "lib/share/link-payload.ts",
  "lib/share/lz-bounded.ts",
  "lib/share/share-summary.ts",
  "components/presets/presets-panel.tsx",
  "components/code-export/code-panel.tsx",
  "components/png-restore/png-restore-offer.tsx",
  "lib/share/png-settings.ts",
  "components/history/history-panel.tsx",
  "components/output/selected-run.tsx",
  "components/gallery/lightbox.tsx",
  "components/tools/mask-painter-dialog.tsx",
  "components/tools/edge-map-dialog.tsx",
  "lib/generation-data/reading.ts",
  "components/sweeps/sweep-dialog.tsx",
  "components/sweeps/sweep-view.tsx",
  "components/sweeps/grid-image.ts",
  "lib/sweeps/values.ts",
  "lib/sweeps/plan.ts",
  "components/compare/compare-dialog.tsx",
  "components/compare/compare-tray.tsx",
  "lib/compare/settings-diff.ts",
  "lib/pricing/",
  "components/pricing/run-price-hint.tsx",
  "components/pricing/run-cost-text.tsx",
  "components/pricing/history-costs.tsx",
  "components/pricing/sweep-cost.tsx",
  "components/pricing/use-price-quote.ts",
  "components/lora-info/weights-card.tsx",
  "components/lora-info/card-view.tsx",
  "components/lora-info/kept-cards.tsx",
  "lib/lora-info/card-store.ts",
  "lib/lora-info/fit.ts",
  "lib/lora-info/run-cards-schema.ts",
  "components/form/sections/civitai-hint.tsx",
  "components/share/settings-notice.tsx",
  "lib/civitai/",
];

describe("the page's first load", () => {
  it("names only paths that exist, so a rename cannot empty the guard", () => {
    expect(LATER.filter((later) => !existsSync(join(ROOT, later)))).toEqual([]);
  });

  it("carries none of what loads when first used", async () => {
    const entries = await clientEntries();
    expect(entries).toContain("components/playground/playground.tsx");
    const { metafile } = await build({
      ...options,
      entryPoints: entries.map((entry) => join(ROOT, entry)),
      outdir: "/tmp/first-load-client",
      splitting: true,
      external: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*", "server-only"],
    });
    const modules = [...staticModules(metafile, entries)];
    expect(modules).toContain("lib/fal/defaults.ts");
    expect(LATER.flatMap((later) => modules.filter((module) => module.startsWith(later)).slice(0, 1))).toEqual([]);
  });
});
