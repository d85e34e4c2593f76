"use client";

import { IMAGE_FORMATS } from "@/lib/fal/choices";
import { appDefaults } from "@/lib/fal/defaults";
import { numberLimits } from "@/lib/fal/limits";
import { CheckboxField, NumberField, SelectField } from "../fields";
import { FormSection } from "../form-section";
import { fieldLabels } from "@/lib/fal/field-labels";

// fal's schema declares no default format; left out, the app writes PNG (docs/fal.md#input-schema).
const formatOptions = [
  { value: "", label: `fal's default (${appDefaults.image_format.toUpperCase()})` },
  ...IMAGE_FORMATS.map((value) => ({ value, label: value.toUpperCase() })),
];
const OUTPUT_FIELDS = [
  "image_format",
  "num_images",
  "enable_safety_checker",
  "debug_latents",
  "debug_per_pass_latents",
] as const;

export function OutputSection() {
  return (
    <FormSection title="Output" fields={OUTPUT_FIELDS} summary="format, count, safety, debug">
      <SelectField name="image_format" label={fieldLabels.image_format} options={formatOptions} />
      <NumberField name="num_images" label={numberLimits.num_images.label} limit={numberLimits.num_images} />
      <CheckboxField
        name="enable_safety_checker"
        label={fieldLabels.enable_safety_checker}
        hint="Flagged images come back black."
      />
      <CheckboxField
        name="debug_latents"
        label={fieldLabels.debug_latents}
        hint="Also return the final latents as a file."
      />
      <CheckboxField
        name="debug_per_pass_latents"
        label={fieldLabels.debug_per_pass_latents}
        hint="Also return the latents of every pass."
      />
    </FormSection>
  );
}
