import { describe, expect, it } from "vitest";
import { fieldLabels, itemFieldLabel, itemFieldLabels, pathLabel } from "./field-labels";
import { listItemSchemas, loraInputSchema } from "./input-schema";
import { controlNetLimits, numberLimits } from "./limits";

describe("field labels", () => {
  it("name every field of the schema and nothing else, list items included", () => {
    expect(Object.keys(fieldLabels).sort()).toEqual(Object.keys(loraInputSchema.shape).sort());
    expect(Object.keys(itemFieldLabels).sort()).toEqual(Object.keys(listItemSchemas).sort());
    for (const [list, schema] of Object.entries(listItemSchemas)) {
      expect(Object.keys(itemFieldLabels[list as keyof typeof itemFieldLabels]).sort()).toEqual(
        Object.keys(schema.shape).sort(),
      );
    }
  });

  it("are the words of the schema's messages and of the limits", () => {
    const issues = loraInputSchema.safeParse({ prompt: "p", controlnets: [{ path: "c" }] }).error?.issues ?? [];
    expect(issues.map((issue) => issue.message)).toEqual([
      "Model is required.",
      "ControlNet control image is required.",
    ]);
    expect(numberLimits.guidance_scale.label).toBe(fieldLabels.guidance_scale);
    expect(controlNetLimits.conditioning_scale.label).toBe(itemFieldLabel("controlnets", "conditioning_scale"));
  });

  it("name a list item's field in general and at its position", () => {
    expect(itemFieldLabel("loras", "scale")).toBe("LoRA scale");
    expect(itemFieldLabel("controlnets", "image_url", 0)).toBe("ControlNet 1 control image");
  });

  it.each([
    ["prompt", "Prompt"],
    ["controlnets.0.image_url", "ControlNet 1 control image"],
    [["body", "loras", 1, "scale"], "LoRA 2 scale"],
    [["body", "controlnet", 0, "start_percentage"], "ControlNet 1 start"],
    ["ip_adapter.1.ip_adapter_image_url.2", "IP adapter 2 image 3"],
    ["ip_adapter.0", "IP adapter 1"],
    ["embeddings", "Embedding"],
    ["timesteps.array.3", "Timesteps"],
    [["body"], ""],
    ["wings.0", "wings.0"],
  ] as const)("reads the path %j as %j", (path, label) => {
    expect(pathLabel(path)).toBe(label);
  });
});
