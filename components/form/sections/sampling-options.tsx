"use client";

import { PREDICTION_TYPES, SCHEDULERS } from "@/lib/fal/choices";
import { appDefaults } from "@/lib/fal/defaults";
import { fieldLabels } from "@/lib/fal/field-labels";
import { numberLimits } from "@/lib/fal/limits";
import { CheckboxField, NumberField, SelectField, SliderNumberField } from "../fields";
import { ScheduleField } from "../schedule-field";

const schedulerOptions = [
  { value: "", label: "The model's own" },
  ...SCHEDULERS.map((value) => ({ value, label: value })),
];
const predictionOptions = [
  { value: "", label: `fal's default (${appDefaults.prediction_type})` },
  ...PREDICTION_TYPES.map((value) => ({ value, label: value })),
];

/** The Sampling group's contents, loaded when the group is first needed (see `SamplingSection`). */
export function SamplingOptions() {
  return (
    <>
      <SelectField name="scheduler" label={fieldLabels.scheduler} options={schedulerOptions} />
      <NumberField
        name="clip_skip"
        label={numberLimits.clip_skip.label}
        limit={numberLimits.clip_skip}
        hint="Skip the last CLIP layers (some anime models want 2)."
      />
      <SliderNumberField name="eta" label={numberLimits.eta.label} limit={numberLimits.eta} />
      <SelectField
        name="prediction_type"
        label={fieldLabels.prediction_type}
        options={predictionOptions}
        hint="v_prediction for models trained that way (e.g. SD 2.x 768)."
      />
      <CheckboxField
        name="rescale_betas_snr_zero"
        label={fieldLabels.rescale_betas_snr_zero}
        hint="For v-prediction models trained with zero terminal SNR."
      />
      <ScheduleField
        name="timesteps"
        other="sigmas"
        label={fieldLabels.timesteps}
        example="999, 845, 730, 587, 443, 310, 193, 116, 53, 13"
      />
      <ScheduleField
        name="sigmas"
        other="timesteps"
        label={fieldLabels.sigmas}
        example="14.61, 6.47, 3.86, 2.69, 1.88, 1.37, 0.98, 0.57, 0.03"
      />
    </>
  );
}
