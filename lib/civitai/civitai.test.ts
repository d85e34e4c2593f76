import { describe, expect, it } from "vitest";
import { civitaiAdvice } from "@/lib/civitai/civitai";

describe("civitaiAdvice", () => {
  it("turns a model page with a version into that version's download URL", () => {
    expect(civitaiAdvice("https://civitai.com/models/12345/some-style?modelVersionId=678")).toEqual({
      kind: "download-url",
      url: "https://civitai.com/api/download/models/678",
    });
  });

  it("asks for a version when the page URL names none", () => {
    expect(civitaiAdvice(" https://www.civitai.com/models/12345/some-style ")).toEqual({
      kind: "pick-version",
      modelId: "12345",
    });
  });

  it("leaves download URLs, other hosts and Hugging Face ids alone", () => {
    expect(civitaiAdvice("https://civitai.com/api/download/models/678")).toBeUndefined();
    expect(civitaiAdvice("https://huggingface.co/a/b/resolve/main/l.safetensors")).toBeUndefined();
    expect(civitaiAdvice("nerijs/pixel-art-xl")).toBeUndefined();
  });
});
