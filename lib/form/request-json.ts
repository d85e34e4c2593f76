import { type LoraRequest, loraInputSchema } from "@/lib/fal/input-schema";
import { messageOf } from "@/lib/errors/message-of";
import { formValuesOf, type FormValues } from "./form-values";

export type ParsedRequestJson = { ok: true; body: LoraRequest } | { ok: false; problems: string[] };

/** Reads request JSON typed by hand: the body when the schema accepts it, else every problem by field. */
export function parseRequestJson(text: string): ParsedRequestJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`Not valid JSON: ${messageOf(error)}`] };
  }
  const parsed = loraInputSchema.safeParse(value);
  if (parsed.success) return { ok: true, body: value as LoraRequest };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    ),
  };
}

export const formatRequestJson = (body: LoraRequest) => JSON.stringify(body, null, 2);

/** Any valid request body as form values; defaults fill the rest. */
export function toFormValues(request: LoraRequest): FormValues {
  return formValuesOf(loraInputSchema.parse(request));
}
