import { describe, expect, it } from "vitest";
import { jsonShapes } from "@/lib/text/hostile-shapes";
import { stepsOf } from "@/lib/text/steps";
import { MAX_REQUEST_JSON_LENGTH, parseRequestJson } from "./request-json";

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

describe("parseRequestJson on hostile text", () => {
  it.each(Object.entries(jsonShapes))("reads %s of 100 KB in steps linear in its length", async (_name, shape) => {
    let result: ReturnType<typeof parseRequestJson> | undefined;
    const steps = await stepsOf(() => (result = parseRequestJson(shape(100_000))));
    expect(steps).toBeLessThanOrEqual(4 * 100_000);
    expect(steps / (await stepsOf(() => parseRequestJson(shape(50_000))))).toBeLessThan(2.5);
    if (result && !result.ok) expect(result.problems.length).toBeLessThanOrEqual(21);
  });

  it("lists the first 20 problems and counts the rest", () => {
    const loras = Array.from({ length: 32 }, () => ({ scale: "high" }));
    const result = parseRequestJson(JSON.stringify({ model_name: "m", prompt: "p", loras }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.at(-1)).toMatch(/^\d+ more problems like these\.$/);
    expect(!result.ok && result.problems).toHaveLength(21);
  });

  it("does not read text longer than any request body", () => {
    expect(parseRequestJson(" ".repeat(MAX_REQUEST_JSON_LENGTH + 1))).toEqual({
      ok: false,
      problems: [expect.stringContaining("more than a request body can be")],
    });
  });
});
