import { parseExactJson, stringifyExactJson } from "@/lib/fal/exact-json";
import { type LoraRequest, loraInputSchema } from "@/lib/fal/input-schema";
import { unknownFieldNote, unknownFields, withoutUnknownFields } from "@/lib/fal/unknown-fields";
import { formValuesOf, type FormValues } from "./form-values";

/** `notes` name the fields that were left out because this endpoint does not have them. */
export type ParsedRequestJson = { ok: true; body: LoraRequest; notes: string[] } | { ok: false; problems: string[] };

/**
 * Reads request JSON typed or pasted by hand: the body when the schema accepts it, else every
 * problem by field. Fields the endpoint does not have (a LoRA's `force`) are left out and named in
 * `notes`, as links and presets do; fal itself ignores them.
 */
export function parseRequestJson(text: string): ParsedRequestJson {
  let value: unknown;
  try {
    value = parseExactJson(text);
  } catch (error) {
    return { ok: false, problems: [`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const first = loraInputSchema.safeParse(value);
  const unknown = first.success ? [] : unknownFields(first.error.issues);
  const body = !first.success && unknown.length > 0 ? withoutUnknownFields(value, first.error.issues) : value;
  const parsed = body === value ? first : loraInputSchema.safeParse(body);
  if (parsed.success) return { ok: true, body: body as LoraRequest, notes: unknown.map(unknownFieldNote) };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    ),
  };
}

export const formatRequestJson = (body: LoraRequest) => stringifyExactJson(body, 2);

/** Any valid request body as form values; defaults fill the rest. */
export function toFormValues(request: LoraRequest): FormValues {
  return formValuesOf(loraInputSchema.parse(request));
}
