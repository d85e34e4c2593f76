import fc from "fast-check";
import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { toCode } from "@/lib/code-export/snippets";
import { stringifyExactJson } from "@/lib/fal/exact-json";
import { loraInputSchema } from "@/lib/fal/input-schema";
import { newControlNet, newEmbedding, newIpAdapter, newLora } from "@/lib/form/form-items";
import { formResolver } from "@/lib/form/form-resolver";
import { defaultFormValues, formValuesOf, type FormValues, toRequestBody } from "@/lib/form/form-values";
import { validSettings } from "@/lib/share/test-arbitraries";
import { readFormSettings } from "@/lib/form/form-settings";

const options: ResolverOptions<FormValues> = { fields: {}, shouldUseNativeValidation: false };
const aFox: FormValues = { ...defaultFormValues, prompt: "a fox" };

type Edit = (values: FormValues) => FormValues;

/** What people do to a form between runs, valid or not: items left at their defaults, odd spacing, slips. */
const edits: fc.Arbitrary<Edit>[] = [
  fc.constant((values) => ({ ...values, loras: [...values.loras, { ...newLora(), path: "nerijs/pixel-art-xl" }] })),
  fc.constant((values) => ({ ...values, embeddings: [{ ...newEmbedding(), path: "someone/embedding" }] })),
  fc.constant((values) => ({
    ...values,
    controlnets: [
      ...values.controlnets,
      { ...newControlNet(), path: "diffusers/controlnet-canny-sdxl-1.0", image_url: "https://x.test/c.png" },
    ],
  })),
  fc.constant((values) => ({
    ...values,
    ip_adapter: [
      ...values.ip_adapter,
      { ...newIpAdapter(), path: "h94/IP-Adapter", ip_adapter_image_url: ["https://x.test/a.png"] },
    ],
  })),
  fc.constant((values) => ({ ...values, prompt: `  ${values.prompt} ` })),
  fc.constant((values) => ({
    ...values,
    timesteps: { method: "array", array: "999,  500 1" },
    sigmas: { method: "default", array: "" },
  })),
  fc.constant((values) => ({ ...values, guidance_scale: Number.NaN })),
  fc.constant((values) => ({ ...values, num_images: 99 })),
  fc.constant((values) => ({ ...values, prompt: "" })),
  fc.constant((values) => ({ ...values, loras: [...values.loras, newLora()] })),
  fc.constant((values) => ({
    ...values,
    ip_adapter: values.ip_adapter.map((adapter) => ({ ...adapter, scale_json: "{oops" })),
  })),
];

const formStates = fc
  .tuple(validSettings, fc.array(fc.oneof(...edits), { maxLength: 4 }))
  .map(([settings, changes]) => changes.reduce((values, change) => change(values), formValuesOf(settings)));

/** What Run sends for these values: the playground form's submit handler, after its resolver. */
async function submittedBody(values: FormValues) {
  const resolved = await formResolver(values, undefined, options);
  return Object.keys(resolved.errors).length === 0 ? toRequestBody(resolved.values as FormValues) : undefined;
}

describe("the Code panel's body", () => {
  it("is the body Run sends, field for field and in the same order, for random form states", async () => {
    let submitted = 0;
    await fc.assert(
      fc.asyncProperty(formStates, async (values) => {
        const sent = await submittedBody(values);
        const shown = readFormSettings(values);
        if (sent === undefined) {
          // Run refuses; the panel names what it left out, or shows the blank required field as blank.
          expect(shown.problems.length > 0 || !loraInputSchema.safeParse(shown.body).success).toBe(true);
          return;
        }
        submitted++;
        expect(shown.problems).toEqual([]);
        expect(stringifyExactJson(shown.body)).toBe(stringifyExactJson(sent));
        expect(toCode("curl", shown.body)).toContain(stringifyExactJson(sent, 2).split("\n")[1]);
      }),
      { numRuns: 300 },
    );
    // The property says nothing if no random state was valid enough to run.
    expect(submitted).toBeGreaterThan(100);
  });

  it("sends a LoRA and a ControlNet left at their defaults the same way the Code panel shows them", () => {
    const withItems: FormValues = {
      ...aFox,
      loras: [{ ...newLora(), path: "nerijs/pixel-art-xl" }],
      controlnets: [
        { ...newControlNet(), path: "diffusers/controlnet-canny-sdxl-1.0", image_url: "https://x.test/c.png" },
      ],
    };
    const { body } = readFormSettings(withItems);
    expect(body.loras).toEqual([{ path: "nerijs/pixel-art-xl" }]);
    expect(body.controlnets).toEqual([
      { path: "diffusers/controlnet-canny-sdxl-1.0", image_url: "https://x.test/c.png" },
    ]);
    expect(body).toEqual(toRequestBody(withItems));
  });

  it("leaves out and names what is not valid yet", () => {
    const { body, problems } = readFormSettings({ ...aFox, num_images: 99 });
    expect(body).not.toHaveProperty("num_images");
    expect(problems).toEqual([{ field: "Number of images", message: "Number of images must be at most 8." }]);
  });
});
