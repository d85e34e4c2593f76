import { describe, expect, it } from "vitest";
import { parseRequestJson } from "./request-json";

describe("parseRequestJson", () => {
  it("accepts a valid body as it is", () => {
    const body = { model_name: "a/b", prompt: "p", loras: [{ path: "c/d" }] };
    expect(parseRequestJson(JSON.stringify(body))).toEqual({ ok: true, body });
  });

  it("names broken JSON", () => {
    const result = parseRequestJson('{"prompt": ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/^Not valid JSON: /);
  });

  it("lists schema problems by field path", () => {
    expect(
      parseRequestJson(JSON.stringify({ model_name: "a/b", prompt: "p", loras: [{ scale: 2 }], num_images: 9 })),
    ).toEqual({
      ok: false,
      problems: ["loras.0.path: LoRA path is required.", "num_images: Number of images must be at most 8."],
    });
  });
});
