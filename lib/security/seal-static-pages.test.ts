import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scriptHashSource } from "./script-hashes";
import { sealStaticPages } from "./seal-static-pages";
import { readStaticPageScripts } from "./static-page-scripts";

let distDir: string;

const html = (chunk: string) =>
  `<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async="" integrity="sha256-MAIN="></script>` +
  `<script src="/_next/static/chunks/${chunk}" async=""></script><script>theme()</script></head>` +
  `<body><script>self.__next_f.push([1,"x"])</script></body></html>`;

async function writeBuild(files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(distDir, path, ".."), { recursive: true });
    await writeFile(join(distDir, path), content);
  }
}

beforeEach(async () => {
  distDir = await mkdtemp(join(tmpdir(), "seal-static-pages-"));
  await writeBuild({
    "prerender-manifest.json": JSON.stringify({ routes: { "/": {}, "/_not-found": {}, "/icon.svg": {} } }),
    "server/subresource-integrity-manifest.json": JSON.stringify({
      "static/chunks/main.js": "sha256-MAIN=",
      "static/chunks/page.js": "sha256-PAGE=",
    }),
    "server/app/index.html": html("page.js"),
    "server/app/_not-found.html": html("page.js"),
  });
});

afterEach(() => rm(distDir, { recursive: true, force: true }));

describe("sealStaticPages", () => {
  it("gives the client chunks their integrity and records every script's hash-source for the prerendered pages", async () => {
    const record = await sealStaticPages(distDir);
    expect(record.pages).toEqual(["/", "/_not-found"]);
    expect(record.scriptSources).toEqual(
      [
        "'sha256-MAIN='",
        "'sha256-PAGE='",
        scriptHashSource("theme()"),
        scriptHashSource('self.__next_f.push([1,"x"])'),
      ].sort(),
    );
    expect(await readFile(join(distDir, "server/app/index.html"), "utf8")).toContain(
      '<script src="/_next/static/chunks/page.js" async="" integrity="sha256-PAGE="></script>',
    );
    expect(readStaticPageScripts(distDir)).toEqual(record);
  });

  it("changes nothing when run again on the same build", async () => {
    const first = await sealStaticPages(distDir);
    const sealed = await readFile(join(distDir, "server/app/index.html"), "utf8");
    expect(await sealStaticPages(distDir)).toEqual(first);
    expect(await readFile(join(distDir, "server/app/index.html"), "utf8")).toBe(sealed);
  });

  it("fails, naming the page, when a script's hash is nowhere to be found", async () => {
    await writeBuild({ "server/app/_not-found.html": html("elsewhere.js") });
    await expect(sealStaticPages(distDir)).rejects.toThrow(
      '/_not-found: <script src="/_next/static/chunks/elsewhere.js"> has no integrity',
    );
  });

  it("fails when the build has no integrity manifest (experimental.sri off)", async () => {
    await rm(join(distDir, "server/subresource-integrity-manifest.json"));
    await expect(sealStaticPages(distDir)).rejects.toThrow("experimental.sri");
  });
});

describe("readStaticPageScripts", () => {
  it("is undefined for a build that was not sealed", () => {
    expect(readStaticPageScripts(distDir)).toBeUndefined();
  });
});
