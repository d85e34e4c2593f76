import { ApiError, ValidationError } from "@fal-ai/client";
import { type FieldError, formFieldName } from "@/lib/form/server-errors";
import type { RunError } from "./run-state";

/** HTTP status fal answers a cancelled request's result with. */
export const CANCELLED_HTTP_STATUS = 499;


function detailOf(body: unknown): unknown {
  return typeof body === "object" && body !== null ? (body as { detail?: unknown }).detail : undefined;
}

export function isCancelledError(error: unknown): boolean {
  return error instanceof ApiError && error.status === CANCELLED_HTTP_STATUS;
}

function validationError(error: ValidationError): RunError {
  const fieldErrors: FieldError[] = error.fieldErrors
    .map((item) => ({ field: formFieldName(item.loc), message: item.msg }))
    .filter((item) => item.field !== "");
  const lines = error.fieldErrors.map((item) => {
    const field = formFieldName(item.loc);
    return field ? `${field}: ${item.msg}` : item.msg;
  });
  const detail = detailOf(error.body);
  const message = lines.length > 0 ? lines.join("\n") : typeof detail === "string" ? detail : error.message;
  return { kind: "validation", message, fieldErrors, retryable: false };
}

/** A message a person can act on, from whatever the client threw; nothing of the input is lost. */
export function toRunError(error: unknown): RunError {
  if (error instanceof ValidationError) return validationError(error);
  if (error instanceof ApiError) {
    const detail = detailOf(error.body);
    const message = typeof detail === "string" ? detail : `${error.message} (HTTP ${error.status})`;
    return { kind: "api", message, fieldErrors: [], retryable: true };
  }
  if (error instanceof TypeError) {
    return {
      kind: "network",
      message: `The server could not be reached (${error.message}). Check the connection and retry.`,
      fieldErrors: [],
      retryable: true,
    };
  }
  const message = error instanceof Error ? error.message : "The run failed for an unknown reason.";
  return { kind: "api", message, fieldErrors: [], retryable: true };
}
