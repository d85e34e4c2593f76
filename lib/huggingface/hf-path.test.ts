import { describe, expect, it } from "vitest";
import { parseHuggingFacePath, resolveUrl } from "./hf-path";

describe("parseHuggingFacePath", () => {
  it("reads ids, resolve URLs, blob pages and repository pages", () => {
    expect(parseHuggingFacePath("nerijs/pixel-art-xl")).toEqual({ kind: "repo", repo: "nerijs/pixel-art-xl" });
    expect(
      parseHuggingFacePath("https://huggingface.co/nerijs/pixel-art-xl/resolve/main/pixel-art-xl.safetensors"),
    ).toEqual({
      kind: "file",
      repo: "nerijs/pixel-art-xl",
      revision: "main",
      file: "pixel-art-xl.safetensors",
    });
    expect(
      parseHuggingFacePath("https://huggingface.co/h94/IP-Adapter/blob/main/models/ip-adapter_sd15.bin"),
    ).toMatchObject({
      kind: "file-page",
      file: "models/ip-adapter_sd15.bin",
    });
    expect(parseHuggingFacePath("https://huggingface.co/nerijs/pixel-art-xl")).toEqual({
      kind: "repo-page",
      repo: "nerijs/pixel-art-xl",
    });
  });

  it("knows a stand-in origin only when told, and nothing else", () => {
    const standIn = "http://127.0.0.1:9/hf";
    expect(parseHuggingFacePath(`${standIn}/a/b/resolve/main/c.safetensors`)).toBeUndefined();
    expect(parseHuggingFacePath(`${standIn}/a/b/resolve/main/c.safetensors`, [standIn])?.kind).toBe("file");
    expect(parseHuggingFacePath("https://example.com/a/b")).toBeUndefined();
    expect(parseHuggingFacePath("../etc/passwd")).toBeUndefined();
    expect(parseHuggingFacePath("a/b/c")).toBeUndefined();
  });

  it("builds resolve URLs with each path segment encoded", () => {
    expect(resolveUrl("https://huggingface.co", "a/b", "sub dir/w.safetensors")).toBe(
      "https://huggingface.co/a/b/resolve/main/sub%20dir/w.safetensors",
    );
  });
});
