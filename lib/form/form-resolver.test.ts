import { describe, expect, it } from "vitest";
import type { FieldErrors, ResolverOptions } from "react-hook-form";
import { newIpAdapter, newLora } from "./form-items";
import { formResolver } from "./form-resolver";
import { defaultFormValues, type FormValues } from "./form-values";

const options: ResolverOptions<FormValues> = { fields: {}, shouldUseNativeValidation: false };

async function errorsOf(values: Partial<FormValues>): Promise<FieldErrors<FormValues>> {
  const result = await formResolver({ ...defaultFormValues, prompt: "a fox", ...values }, undefined, options);
  return result.errors;
}

describe("formResolver", () => {
  it("passes valid values through unchanged", async () => {
    const values = { ...defaultFormValues, prompt: "a fox", loras: [{ ...newLora(), path: "a/b" }] };
    expect(await formResolver(values, undefined, options)).toEqual({ values, errors: {} });
  });

  it("puts the schema's messages on the form's own field paths, list items included", async () => {
    const errors = await errorsOf({
      model_name: " ",
      loras: [{ ...newLora(), path: "a/b" }, newLora()],
      tile_width: 50,
      timesteps: { method: "array", array: "999, x" },
      ip_adapter: [
        {
          ...newIpAdapter(),
          path: "h94/IP-Adapter",
          ip_adapter_image_url: ["https://x.test/a.png"],
          scale_json: "[1]",
        },
      ],
    });
    expect(errors.model_name?.message).toBe("Model is required.");
    expect(errors.loras?.[1]?.path?.message).toBe("LoRA path is required.");
    expect(errors.loras?.[0]).toBeUndefined();
    expect(errors.tile_width?.message).toBe("Tile width must be at least 128.");
    expect((errors.timesteps?.array as unknown as Record<number, { message: string }>)[1]?.message).toBe(
      "A timestep must be a number.",
    );
    expect(errors.ip_adapter?.[0]?.scale_json?.message).toBe("IP adapter scale JSON must be a JSON object.");
  });

  it("says a cleared number box is not a number", async () => {
    expect((await errorsOf({ num_inference_steps: Number.NaN })).num_inference_steps?.message).toBe(
      "Inference steps must be a number.",
    );
  });
});
