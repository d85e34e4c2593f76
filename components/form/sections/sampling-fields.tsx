"use client";

import { numberLimits } from "@/lib/fal/limits";
import { SliderNumberField } from "../fields";
import { FormSection } from "../form-section";
import { sectionBody } from "../section-body";
import { SeedField } from "../seed-field";

const SAMPLING_FIELDS = [
  "scheduler",
  "clip_skip",
  "eta",
  "prediction_type",
  "rescale_betas_snr_zero",
  "timesteps",
  "sigmas",
] as const;

const SamplingOptions = sectionBody(() => import("./sampling-options").then((module) => module.SamplingOptions));

/** What most runs touch: steps, guidance and seed. */
export function SamplingBasics() {
  return (
    <>
      <SliderNumberField
        name="num_inference_steps"
        label={numberLimits.num_inference_steps.label}
        limit={numberLimits.num_inference_steps}
      />
      <SliderNumberField
        name="guidance_scale"
        label={numberLimits.guidance_scale.label}
        limit={numberLimits.guidance_scale}
      />
      <SeedField />
    </>
  );
}

export function SamplingSection() {
  return (
    <FormSection title="Sampling" fields={SAMPLING_FIELDS} summary="scheduler, CLIP skip, eta, schedules">
      <SamplingOptions />
    </FormSection>
  );
}
