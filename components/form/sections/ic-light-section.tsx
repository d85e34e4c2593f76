"use client";

import { TextField } from "../fields";
import { FormSection } from "../form-section";
import { ImageField } from "../image-field";
import { fieldLabels } from "@/lib/fal/field-labels";

const IC_LIGHT_FIELDS = ["ic_light_model_url", "ic_light_image_url", "ic_light_model_background_image_url"] as const;

export function IcLightSection() {
  return (
    <FormSection title="IC-Light" fields={IC_LIGHT_FIELDS} summary="relighting">
      <TextField
        name="ic_light_model_url"
        label={fieldLabels.ic_light_model_url}
        hint="The IC-Light weights; setting them turns relighting on."
      />
      <ImageField name="ic_light_image_url" label={fieldLabels.ic_light_image_url} />
      <ImageField name="ic_light_model_background_image_url" label={fieldLabels.ic_light_model_background_image_url} />
    </FormSection>
  );
}
