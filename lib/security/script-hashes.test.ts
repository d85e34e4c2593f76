import { describe, expect, it } from "vitest";
import { documentScriptSources, scriptHashSource, withScriptIntegrity } from "./script-hashes";

const page = (body: string) => `<!DOCTYPE html><html><head></head><body>${body}</body></html>`;

describe("scriptHashSource", () => {
  it("is the SHA-256 of the script's exact text, as CSP hashes it", () => {
    // The worked example of https://content-security-policy.com/hash/
    expect(scriptHashSource("doSomething();")).toBe("'sha256-RFWPLDbv2BY+rCkDzsE+0fr8ylGr2R2faWMhq4lfEQc='");
    expect(scriptHashSource(" doSomething();")).not.toBe(scriptHashSource("doSomething();"));
  });

  it("hashes the UTF-8 bytes (`printf 'é' | openssl dgst -sha256 -binary | base64`), not Latin-1", () => {
    expect(scriptHashSource("é")).toBe("'sha256-SplVfkAzw1Od4utlRyAXytX5VX96BiWgnxw/biumnEw='");
  });
});

describe("documentScriptSources", () => {
  it("hashes each inline script and takes each external script's integrity", () => {
    const html = page(
      `<script>one()</script><script id="_R_">two()</script>` +
        `<script src="/_next/static/chunks/a.js" async="" integrity="sha256-AAAA"></script>` +
        `<script src="/_next/static/chunks/b.js" integrity="sha384-BBBB sha512-CCCC=="></script>`,
    );
    expect(documentScriptSources(html)).toEqual([
      scriptHashSource("one()"),
      scriptHashSource("two()"),
      "'sha256-AAAA'",
      "'sha384-BBBB'",
      "'sha512-CCCC=='",
    ]);
  });

  it("lists a script written twice once, and reads text up to the first closing tag", () => {
    const html = page(`<script>same()</script><script>same()</script><SCRIPT>a("<b>")</script >`);
    expect(documentScriptSources(html)).toEqual([scriptHashSource("same()"), scriptHashSource('a("<b>")')]);
  });

  it("refuses an external script without integrity, which no hash could allow", () => {
    expect(() => documentScriptSources(page(`<script src="/x.js" async=""></script>`))).toThrow(
      '<script src="/x.js"> has no integrity',
    );
  });
});

describe("withScriptIntegrity", () => {
  const known: Record<string, string> = { "/a.js": "sha256-AAAA", "/b.js": "sha256-BBBB" };
  const integrityOf = (src: string) => known[src];

  it("adds integrity to the external scripts that lack it, and leaves the rest of the document alone", () => {
    const html = page(
      `<script src="/a.js" async=""></script><script>inline()</script>` +
        `<script src="/b.js" integrity="sha256-OLD"></script><script src="/unknown.js"></script>`,
    );
    expect(withScriptIntegrity(html, integrityOf)).toBe(
      page(
        `<script src="/a.js" async="" integrity="sha256-AAAA"></script><script>inline()</script>` +
          `<script src="/b.js" integrity="sha256-OLD"></script><script src="/unknown.js"></script>`,
      ),
    );
  });

  it("changes nothing the second time", () => {
    const once = withScriptIntegrity(page(`<script src="/a.js" async=""></script>`), integrityOf);
    expect(withScriptIntegrity(once, integrityOf)).toBe(once);
  });
});
