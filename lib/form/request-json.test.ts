import { describe, expect, it } from "vitest";
import { parseRequestJson } from "./request-json";

describe("parseRequestJson", () => {
  it("accepts a valid body as it is", () => {
    const body = { model_name: "a/b", prompt: "p", loras: [{ path: "c/d" }] };
    expect(parseRequestJson(JSON.stringify(body))).toEqual({ ok: true, body, notes: [] });
  });

  it("leaves out a field this endpoint does not have, such as a LoRA's force, and names it", () => {
    const text = JSON.stringify({ model_name: "a/b", prompt: "p", loras: [{ path: "c/d", force: true }], width: 512 });
    expect(parseRequestJson(text)).toEqual({
      ok: true,
      body: { model_name: "a/b", prompt: "p", loras: [{ path: "c/d" }] },
      notes: [
        'LoRA 1: "force" is not a setting of this endpoint; it was left out.',
        '"width" is not a setting of this endpoint; it was left out.',
      ],
    });
  });

  it("keeps a 64-bit seed exactly", () => {
    const result = parseRequestJson('{"model_name": "a/b", "prompt": "p", "seed": 196619188014358660}');
    expect(result).toMatchObject({ ok: true, body: { seed: 196619188014358660n } });
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
