"use client";

import { GenerationModelHint } from "@/components/generation-data/model-hint";
import { ModelCardSlot } from "@/components/lora-info/card-slot";
import { MODEL_SUGGESTIONS } from "@/lib/form/model-suggestions";
import { FormSection } from "../form-section";
import { TextField } from "../fields";
import { fieldLabels } from "@/lib/fal/field-labels";

export function ModelField() {
  return (
    <>
      <TextField
        name="model_name"
        label={fieldLabels.model_name}
        list="model-suggestions"
        hint="A Hugging Face id or a URL of SD 1.5 / SDXL weights; start typing for well-known ones."
      />
      <GenerationModelHint />
      <ModelCardSlot />
      <datalist id="model-suggestions">
        {MODEL_SUGGESTIONS.map((model) => (
          <option key={model.id} value={model.id}>
            {model.family}
          </option>
        ))}
      </datalist>
    </>
  );
}

export function ModelDetailsSection() {
  return (
    <FormSection title="Model details" fields={["unet_name", "variant"]} summary="U-Net, variant">
      <TextField
        name="unet_name"
        label={fieldLabels.unet_name}
        hint="A separate U-Net to load in place of the model's own (URL or Hugging Face id)."
      />
      <TextField
        name="variant"
        label={fieldLabels.variant}
        placeholder="fp16"
        hint="The weights variant to download, e.g. fp16."
      />
    </FormSection>
  );
}
