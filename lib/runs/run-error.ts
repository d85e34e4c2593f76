import type { ValidationError } from "@fal-ai/client";
import { isApiError, isValidationError } from "@/lib/fal/client-errors";
import { imageLocations } from "@/lib/fal/image-locations";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { type FieldError, fieldLabel, formFieldName } from "@/lib/form/server-errors";
import { messageOf } from "@/lib/errors/message-of";
import type { RunError } from "./run-state";

/** HTTP status fal answers a cancelled request's result with. */
export const CANCELLED_HTTP_STATUS = 499;

/** fal's words when the app cannot fetch an image input (docs/fal.md#validation-at-run-time). */
const IMAGE_NOT_LOADED = /^Could not load image from url:\s*(\S+)/;

function detailOf(body: unknown): unknown {
  return typeof body === "object" && body !== null ? (body as { detail?: unknown }).detail : undefined;
}

export function isCancelledError(error: unknown): boolean {
  return isApiError(error) && error.status === CANCELLED_HTTP_STATUS;
}

/** "ControlNet 1: Control image is required.", without repeating a label the message starts with. */
function labelled(field: string, message: string): string {
  const label = fieldLabel(field);
  return message.startsWith(label) ? message : `${label}: ${message}`;
}

/**
 * A 422 whose detail is a sentence, not a list: fal's app says so for an image it could not
 * fetch. The sentence is kept as fal wrote it; an image it names is found in the input and the
 * complaint lands on that field.
 */
function sentenceError(detail: string, input: LoraRequest | undefined): RunError {
  const url = IMAGE_NOT_LOADED.exec(detail)?.[1];
  const location = url && input ? imageLocations(input).find((image) => image.url === url) : undefined;
  if (!location)
    return { kind: "validation", message: `fal refused this input: ${detail}`, fieldErrors: [], retryable: false };
  const field = formFieldName(location.path);
  return {
    kind: "validation",
    message: `${fieldLabel(field)}: fal could not load this image. Check that its address is public and points to an image, or drop the image again. (fal: ${detail})`,
    fieldErrors: [{ field, message: `fal could not load this image: ${detail}` }],
    retryable: false,
  };
}

function validationError(error: ValidationError, input: LoraRequest | undefined): RunError {
  const detail = detailOf(error.body);
  if (typeof detail === "string") return sentenceError(detail, input);
  const fieldErrors: FieldError[] = error.fieldErrors
    .map((item) => ({ field: formFieldName(item.loc), message: item.msg }))
    .filter((item) => item.field !== "");
  const lines = error.fieldErrors.map((item) => {
    const field = formFieldName(item.loc);
    return field ? labelled(field, item.msg) : item.msg;
  });
  return {
    kind: "validation",
    message: lines.length > 0 ? lines.join("\n") : error.message,
    fieldErrors,
    retryable: false,
  };
}

/**
 * A message a person can act on, from whatever the client threw; nothing of the input is lost.
 * `input` lets a refusal that names an image by its address point at the field holding it.
 */
export function toRunError(error: unknown, input?: LoraRequest): RunError {
  if (isValidationError(error)) return validationError(error, input);
  if (isApiError(error)) {
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
  const message = messageOf(error, "The run failed for an unknown reason.");
  return { kind: "api", message, fieldErrors: [], retryable: true };
}

/** Statuses a gateway or a busy fal answers for a while: worth asking again about the same request. */
const PASSING_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Why fal could not be heard, when that is the network or a gateway rather than fal's verdict on
 * the run (then undefined). Following a submitted run rides these out instead of failing it.
 */
export function connectionTrouble(error: unknown): string | undefined {
  if (isApiError(error)) {
    if (!PASSING_STATUSES.has(error.status)) return undefined;
    const detail = detailOf(error.body);
    return typeof detail === "string" ? `HTTP ${error.status}: ${detail}` : `HTTP ${error.status}`;
  }
  if (error instanceof TypeError) return `the network failed (${error.message})`;
  return messageOf(error, "no answer");
}
