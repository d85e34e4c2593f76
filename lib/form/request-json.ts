import { parseExactJson, stringifyExactJson } from "@/lib/fal/exact-json";
import { type LoraRequest, loraInputSchema } from "@/lib/fal/input-schema";
import { messageOf } from "@/lib/errors/message-of";
import { step } from "@/lib/text/steps";
import { unknownFieldNote, unknownFields, withoutUnknownFields } from "@/lib/fal/unknown-fields";
import { formValuesOf, type FormValues } from "./form-values";

/** `notes` name the fields that were left out because this endpoint does not have them. */
export type ParsedRequestJson = { ok: true; body: LoraRequest; notes: string[] } | { ok: false; problems: string[] };

/** The longest request JSON read: well past any body the proxy takes (images go to uploads, not inline). */
export const MAX_REQUEST_JSON_LENGTH = 2 * 1024 * 1024;
/** Problems listed one by one at most; the rest are counted. */
const MAX_LISTED_PROBLEMS = 20;

/**
 * Reads request JSON typed or pasted by hand: the body when the schema accepts it, else its problems
 * by field (the first 20). Fields the endpoint does not have (a LoRA's `force`) are left out and
 * named in `notes`, as links and presets do; fal itself ignores them.
 */
export function parseRequestJson(text: string): ParsedRequestJson {
  if (text.length > MAX_REQUEST_JSON_LENGTH) {
    return {
      ok: false,
      problems: [
        `The JSON is ${text.length.toLocaleString("en-US")} characters long, more than a request body can be (${MAX_REQUEST_JSON_LENGTH.toLocaleString("en-US")}). Upload images instead of pasting them inline.`,
      ],
    };
  }
  // JSON.parse and the schema each visit the text, or the value it holds, once.
  step(2 * text.length);
  let value: unknown;
  try {
    value = parseExactJson(text);
  } catch (error) {
    return { ok: false, problems: [`Not valid JSON: ${messageOf(error)}`] };
  }
  const first = loraInputSchema.safeParse(value);
  // Each issue is looked at once to find the unknown fields.
  if (!first.success) step(first.error.issues.length);
  const unknown = first.success ? [] : unknownFields(first.error.issues);
  const body = !first.success && unknown.length > 0 ? withoutUnknownFields(value, first.error.issues) : value;
  const parsed = body === value ? first : loraInputSchema.safeParse(body);
  if (parsed.success) return { ok: true, body: body as LoraRequest, notes: listedNotes(unknown) };
  return { ok: false, problems: listedProblems(parsed.error.issues) };
}

function listedNotes(unknown: ReturnType<typeof unknownFields>): string[] {
  const notes = unknown.slice(0, MAX_LISTED_PROBLEMS).map(unknownFieldNote);
  if (unknown.length > MAX_LISTED_PROBLEMS) {
    notes.push(
      `${(unknown.length - MAX_LISTED_PROBLEMS).toLocaleString("en-US")} more fields this endpoint does not have were left out.`,
    );
  }
  return notes;
}

function listedProblems(issues: readonly { path: PropertyKey[]; message: string }[]): string[] {
  const problems = issues
    .slice(0, MAX_LISTED_PROBLEMS)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message));
  if (issues.length > MAX_LISTED_PROBLEMS) {
    problems.push(`${(issues.length - MAX_LISTED_PROBLEMS).toLocaleString("en-US")} more problems like these.`);
  }
  return problems;
}

export const formatRequestJson = (body: LoraRequest) => stringifyExactJson(body, 2);

/** Any valid request body as form values; defaults fill the rest. */
export function toFormValues(request: LoraRequest): FormValues {
  return formValuesOf(loraInputSchema.parse(request));
}
