import { describe, expect, it } from "vitest";
import { parseCivitaiAir, parseCivitaiPath, withoutToken } from "./civitai-path";

describe("parseCivitaiPath", () => {
  it("reads download URLs (with or without a token), model pages and AIRs", () => {
    expect(parseCivitaiPath("https://civitai.com/api/download/models/678?type=Model&token=abc")).toEqual({
      kind: "download",
      versionId: "678",
      hasToken: true,
    });
    expect(parseCivitaiPath("https://civitai.com/models/12345/some-style?modelVersionId=678")).toEqual({
      kind: "model-page",
      modelId: "12345",
      versionId: "678",
    });
    expect(parseCivitaiPath("urn:air:sdxl:lora:civitai:12345@678")).toEqual({
      kind: "air",
      modelId: "12345",
      versionId: "678",
    });
    expect(parseCivitaiAir("sdxl:checkpoint:civitai:827184@2514310+2402203")).toEqual({
      modelId: "827184",
      versionId: "2514310",
    });
  });

  it("leaves other hosts and Hugging Face ids alone", () => {
    expect(parseCivitaiPath("https://example.com/api/download/models/1")).toBeUndefined();
    expect(parseCivitaiPath("nerijs/pixel-art-xl")).toBeUndefined();
  });

  it("takes a token out of a URL, and leaves anything else as it is", () => {
    expect(withoutToken("https://civitai.com/api/download/models/1?type=Model&token=abc")).toBe(
      "https://civitai.com/api/download/models/1?type=Model",
    );
    expect(withoutToken("owner/name")).toBe("owner/name");
  });
});
