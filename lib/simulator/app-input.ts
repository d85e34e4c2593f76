import "server-only";
import { type LoraInput, loraInputSchema } from "@/lib/fal/input-schema";
import { withoutUnknownFields } from "@/lib/fal/unknown-fields";
import { type FalFieldError, type FalValidationBody, toFalFieldErrors } from "@/lib/fal/validation-error";

export type AppInput = { ok: true; input: LoraInput } | { ok: false; body: FalValidationBody };

/**
 * fal's app reports its own cross-field ControlNet check under `controlnet`, singular
 * (docs/fal.md#validation-at-run-time); the schema's field checks stay under `controlnets`.
 */
function asTheAppReports(error: FalFieldError): FalFieldError {
  const [body, list, ...rest] = error.loc;
  return body === "body" && list === "controlnets" && error.type === "value_error"
    ? { ...error, loc: ["body", "controlnet", ...rest] }
    : error;
}

/**
 * How fal's app reads a queued body once a runner takes it (docs/fal.md#validation-at-run-time): fields it does not
 * know are ignored, anything else it refuses ends the request with a 422 on its result.
 */
export function readAppInput(body: unknown): AppInput {
  let parsed = loraInputSchema.safeParse(body, { reportInput: true });
  if (!parsed.success && parsed.error.issues.some((issue) => issue.code === "unrecognized_keys")) {
    parsed = loraInputSchema.safeParse(withoutUnknownFields(body, parsed.error.issues), { reportInput: true });
  }
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, body: { detail: toFalFieldErrors(parsed.error).map(asTheAppReports) } };
}
