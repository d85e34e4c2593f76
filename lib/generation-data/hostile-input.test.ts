import { describe, expect, it } from "vitest";
import { listLimits } from "@/lib/fal/limits";
import { defaultFormValues } from "@/lib/form/form-values";
import { fill } from "@/lib/text/hostile-shapes";
import { stepsOf } from "@/lib/text/steps";
import { applyGenerationReading } from "./apply";
import { looksLikeGenerationData, MAX_GENERATION_DATA_LENGTH } from "./detect";
import { parseGenerationData, TOO_LONG_NOTE } from "./generation-data";
import { readGenerationData } from "./reading";

const SIZE = 100_000;
/** Steps per character of input: generous for the several passes the parser makes, far below n² at 100 KB. */
const STEPS_PER_CHAR = 64;
const PARAMS = "Steps: 20, Sampler: Euler, CFG scale: 7, Seed: 1";

/** Each adversarial shape, at a given size: long runs of digits, spaces and separators, and brackets that never close. */
const shapes: Record<string, (size: number) => string> = {
  "a run of digits after Steps": (size) => fill("cat\nSteps: ", "7", "", size),
  "a run of digits as a whole line": (size) => fill("", "7", `\n${PARAMS}`, size),
  "a run of digits in a pasted number with a letter at the end": (size) =>
    fill("cat\nSteps: ", "1", `x, ${PARAMS}`, size),
  "a parameter line ending in spaces": (size) => fill(`cat\n${PARAMS}, Note: a`, " ", "", size),
  "a key of spaces that never reaches its colon": (size) => fill(`cat\n${PARAMS}, a`, " ", "", size),
  "spaces before a tag": (size) => fill("cat", " ", `<lora:x:1>\n${PARAMS}`, size),
  "comma separators": (size) => fill(`cat\n${PARAMS}`, ", ", "", size),
  "colon separators": (size) => fill(`cat\n${PARAMS}, `, ":", "", size),
  "line breaks": (size) => fill("cat", "\n", `\n${PARAMS}`, size),
  "pairs without end": (size) => fill("cat\n", "Seed: 1, ", "", size),
  "unclosed JSON lists": (size) => fill(`cat\n${PARAMS}, `, "k: [, ", "", size),
  "unclosed JSON objects ending in a mismatch": (size) => fill(`cat\n${PARAMS}, `, "k: {, ", "]", size),
  "unclosed quotes": (size) => fill(`cat\n${PARAMS}, k: "`, '\\"', "", size),
  "unclosed parentheses in the prompt": (size) => fill("", "(a:", `\n${PARAMS}`, size),
  "unclosed LoRA tags": (size) => fill("", "<lora:", `\n${PARAMS}`, size),
  "thousands of LoRA tags": (size) => fill("", "<lora:a:1>", `\n${PARAMS}`, size),
  "thousands of hypernetwork tags": (size) => fill("", "<hypernet:a:x>", `\n${PARAMS}`, size),
  "a URL tag of colons and spaces": (size) => fill("<lora:https://a", ": a=  ", `\n z>\n${PARAMS}`, size),
  "Fooocus JSON with a run of digits": (size) => fill('{"prompt": "a", "steps": ', "9", "}", size),
  "Fooocus JSON with thousands of LoRAs": (size) =>
    fill('{"prompt": "a", "steps": 3, "loras": [', '["a", 1],', '["b", 1]]}', size),
  "Fooocus JSON with thousands of keys": (size) =>
    fill('{"prompt": "a", "steps": 3', ', "lora_combined_1": "x : 1"', "}", size),
  "Civitai resources by the thousand": (size) =>
    fill(
      `cat\n${PARAMS}, Civitai resources: [`,
      '{"type":"lora","modelVersionId":1},',
      '{"type":"lora","modelVersionId":2}]',
      size,
    ),
};

/** Everything a paste goes through: the check, the parser, the reading and the filled form. */
function fillFrom(text: string) {
  looksLikeGenerationData(text);
  const reading = readGenerationData(parseGenerationData(text), () => undefined);
  return { reading, values: applyGenerationReading(defaultFormValues, reading) };
}

describe("generation data from a hostile paste or PNG", () => {
  it.each(Object.entries(shapes))("reads %s of 100 KB in steps linear in its length", async (_name, shape) => {
    const text = shape(SIZE);
    expect(text.length).toBe(SIZE);
    let filled: ReturnType<typeof fillFrom> | undefined;
    const steps = await stepsOf(() => (filled = fillFrom(text)));
    expect(steps).toBeLessThanOrEqual(STEPS_PER_CHAR * SIZE);
    // Half the input takes about half the steps: linear, not just small at this size.
    const half = await stepsOf(() => fillFrom(shape(SIZE / 2)));
    expect(steps / half).toBeLessThan(2.5);
    expect(filled?.values.loras.length).toBeLessThanOrEqual(listLimits.loras.max);
    expect(filled?.reading.notes.length).toBeLessThanOrEqual(21);
    expect(filled?.reading.ignored.length).toBeLessThanOrEqual(21);
  });

  it("keeps 32 of 9,900 LoRA tags and says how many were left out", () => {
    const tags = "<lora:a:1>".repeat(9_900);
    const { reading, values } = fillFrom(`${tags}\n${PARAMS}`);
    expect(values.loras).toHaveLength(32);
    expect(reading.set).toContainEqual({
      label: "LoRAs",
      value: expect.stringMatching(/; 9,868 more LoRAs were left out \(a run takes at most 32\)$/),
    });
    expect(reading.notes).toContain(
      "The data names 9,900 LoRAs; 9,868 more LoRAs were left out (a run takes at most 32).",
    );
  });

  it("reads nothing longer than 100,000 characters, Fooocus's JSON included", () => {
    const long = fill('{"prompt": "a", "steps": 3, "x": "', "y", '"}', MAX_GENERATION_DATA_LENGTH + 1);
    expect(parseGenerationData(long, "fooocus")).toMatchObject({ prompt: "", notes: [TOO_LONG_NOTE] });
    expect(looksLikeGenerationData(fill(`cat\n${PARAMS}\n`, "x", "", MAX_GENERATION_DATA_LENGTH + 1))).toBe(false);
  });
});
