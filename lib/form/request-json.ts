import { type LoraRequest, loraInputSchema } from "@/lib/fal/input-schema";
import { messageOf } from "@/lib/errors/message-of";
import { step } from "@/lib/text/steps";
import { formValuesOf, type FormValues } from "./form-values";

export type ParsedRequestJson = { ok: true; body: LoraRequest } | { ok: false; problems: string[] };

/** The longest request JSON read: well past any body the proxy takes (images go to uploads, not inline). */
export const MAX_REQUEST_JSON_LENGTH = 2 * 1024 * 1024;
/** Problems listed one by one at most; the rest are counted. */
const MAX_LISTED_PROBLEMS = 20;

/** Reads request JSON typed by hand: the body when the schema accepts it, else its problems by field (the first 20). */
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
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`Not valid JSON: ${messageOf(error)}`] };
  }
  const parsed = loraInputSchema.safeParse(value);
  if (parsed.success) return { ok: true, body: value as LoraRequest };
  const { issues } = parsed.error;
  step(Math.min(issues.length, MAX_LISTED_PROBLEMS));
  const problems = issues
    .slice(0, MAX_LISTED_PROBLEMS)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message));
  if (issues.length > MAX_LISTED_PROBLEMS) {
    problems.push(`${(issues.length - MAX_LISTED_PROBLEMS).toLocaleString("en-US")} more problems like these.`);
  }
  return { ok: false, problems };
}

export const formatRequestJson = (body: LoraRequest) => JSON.stringify(body, null, 2);

/** Any valid request body as form values; defaults fill the rest. */
export function toFormValues(request: LoraRequest): FormValues {
  return formValuesOf(loraInputSchema.parse(request));
}
