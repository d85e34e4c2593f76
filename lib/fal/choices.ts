/**
 * The values the endpoint's choice fields take (docs/fal.md#input). The schema's enums are built
 * from these, and the form's selects list them; zod-free, so the form paints without the schema.
 */
export const SCHEDULERS = [
  "DPM++ 2M",
  "DPM++ 2M Karras",
  "DPM++ 2M SDE",
  "DPM++ 2M SDE Karras",
  "Euler",
  "Euler A",
  "Euler (trailing timesteps)",
  "LCM",
  "LCM (trailing timesteps)",
  "DDIM",
  "TCD",
] as const;
export const PREDICTION_TYPES = ["epsilon", "v_prediction"] as const;
export const IMAGE_FORMATS = ["png", "jpeg"] as const;
export const SCHEDULE_METHODS = ["default", "array"] as const;

export type Scheduler = (typeof SCHEDULERS)[number];
