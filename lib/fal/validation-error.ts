import type { z } from "zod";

/** One entry of fal's (FastAPI/pydantic) 422 body: `{detail: [{loc, msg, type}]}`. */
export type FalFieldError = {
  loc: (string | number)[];
  msg: string;
  type: string;
};

export type FalValidationBody = { detail: FalFieldError[] | string };

function pydanticType(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      return issue.origin === "array" || issue.origin === "string" ? "too_short" : "greater_than_equal";
    case "too_big":
      return issue.origin === "array" || issue.origin === "string" ? "too_long" : "less_than_equal";
    case "invalid_type":
      return issue.input === undefined ? "missing" : `${issue.expected}_type`;
    case "invalid_value":
      return "enum";
    case "invalid_format":
      return "string_pattern_mismatch";
    case "unrecognized_keys":
      return "extra_forbidden";
    default:
      return "value_error";
  }
}

function location(path: PropertyKey[]): (string | number)[] {
  return ["body", ...path.map((part) => (typeof part === "number" ? part : String(part)))];
}

/** Turns zod issues into fal's 422 detail list, one entry per offending field. */
export function toFalFieldErrors(error: z.ZodError): FalFieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        loc: location([...issue.path, key]),
        msg: `Unknown field "${key}".`,
        type: "extra_forbidden",
      }));
    }
    return [{ loc: location(issue.path), msg: issue.message, type: pydanticType(issue) }];
  });
}

export function falValidationBody(error: z.ZodError): FalValidationBody {
  return { detail: toFalFieldErrors(error) };
}

/**
 * Parses with the given schema the way every server-side check should: zod reports each issue's
 * input only when asked, and the 422 types ("missing" vs "string_type") depend on it.
 */
export function parseForFal<T extends z.ZodType>(
  schema: T,
  input: unknown,
): { success: true; data: z.output<T> } | { success: false; body: FalValidationBody } {
  const parsed = schema.safeParse(input, { reportInput: true });
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, body: falValidationBody(parsed.error) };
}
