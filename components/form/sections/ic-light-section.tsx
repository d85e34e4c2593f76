"use client";

import { TextField } from "../fields";
import { FormSection } from "../form-section";
import { ImageField } from "../image-field";
import { fieldLabels } from "@/lib/fal/field-labels";

export function IcLightSection() {
  return (
    <FormSection title="IC-Light" summary="relighting">
      <TextField name="ic_light_model_url" label={fieldLabels.ic_light_model_url} hint="The IC-Light weights; setting them turns relighting on." />
      <ImageField name="ic_light_image_url" label={fieldLabels.ic_light_image_url} />
      <ImageField name="ic_light_model_background_image_url" label={fieldLabels.ic_light_model_background_image_url} />
    </FormSection>
  );
}
