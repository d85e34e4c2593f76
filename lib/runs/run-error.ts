import type { ApiError } from "@fal-ai/client";
import { isApiError } from "@/lib/fal/client-errors";
import { falErrorHeaders } from "@/lib/fal/error-headers";
import {
  type FalErrorWords,
  isModelErrorType,
  isRequestErrorType,
  MODEL_ERROR_TYPES,
  NOT_BILLED,
  REFUSED_BILLING,
  REQUEST_ERROR_TYPES,
  USER_TIMEOUT,
  USER_TIMEOUT_WORDS,
} from "@/lib/fal/fal-errors";
import { imageLocations } from "@/lib/fal/image-locations";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { type FieldError, fieldLabel, formFieldName } from "@/lib/form/server-errors";
import { messageOf } from "@/lib/errors/message-of";
import { isRecord } from "@/lib/json/is-record";
import type { RunError } from "./run-state";

/** HTTP status fal answers a cancelled request's result with. */
export const CANCELLED_HTTP_STATUS = 499;

/** fal's words when the app cannot fetch an image input (docs/fal.md#errors). */
const IMAGE_NOT_LOADED = /^Could not load image from url:\s*(\S+)/;

/** One entry of a model error's `detail` (docs/fal.md#errors); `url` is fal's page on the type. */
type ModelErrorItem = {
  loc: (string | number)[];
  msg: string;
  type: string;
  url?: unknown;
  ctx?: unknown;
  input?: unknown;
};

/** An error answer of fal's (or of the proxy, in fal's shape), with what its headers said. */
type FalAnswer = { status: number; body: unknown; retryable?: boolean; errorType?: string; userTimeout: boolean };

function detailOf(body: unknown): unknown {
  return isRecord(body) ? body.detail : undefined;
}

export function isCancelledError(error: unknown): boolean {
  return isApiError(error) && error.status === CANCELLED_HTTP_STATUS;
}

/** "ControlNet 1: Control image is required.", without repeating a label the message starts with. */
function labelled(field: string, message: string): string {
  const label = fieldLabel(field);
  return message.startsWith(label) ? message : `${label}: ${message}`;
}

const NEVER_RETRIED = new Set([400, 401, 403, 413, 422]);

/** A type whose same input fal refuses again, whatever its headers say. */
function neverRetried(type: string): boolean {
  return isModelErrorType(type) && "retry" in MODEL_ERROR_TYPES[type];
}

/**
 * Retry is offered when fal says the error is retryable, or for a 5xx it says nothing of; never when
 * it says not, nor for 400, 401, 403, 413 or 422, nor for an input fal's content checker refused.
 */
function retryOffered(answer: Pick<FalAnswer, "status" | "retryable">, types: readonly string[]): boolean {
  if (types.some(neverRetried)) return false;
  if (answer.retryable !== undefined) return answer.retryable;
  if (answer.status >= 500) return true;
  return !NEVER_RETRIED.has(answer.status);
}

function billingFor(status: number): string {
  return status === 422 ? REFUSED_BILLING : NOT_BILLED;
}

/** The words, with fal's own message after them when it says more. */
function withFalsWords({ happened, whatToDo }: FalErrorWords, said: string | undefined): string {
  const words = `${happened} ${whatToDo}`;
  return said && said.trim() && !words.includes(said.trim()) ? `${words} (fal: ${said.trim()})` : words;
}

function isItem(value: unknown): value is ModelErrorItem {
  return isRecord(value) && Array.isArray(value.loc) && typeof value.msg === "string" && typeof value.type === "string";
}

/** The image an error names, by its `loc` when that is an image field, else by an address it carries. */
function imageField(item: ModelErrorItem, input: LoraRequest | undefined): string | undefined {
  const images = input ? imageLocations(input) : [];
  const byLoc = formFieldName(item.loc);
  const atLoc = (image: { path: (string | number)[] }) =>
    image.path.join(".") === byLoc || image.path.slice(0, -1).join(".") === byLoc;
  if (byLoc && images.some(atLoc)) return byLoc;
  const addresses = [
    item.input,
    isRecord(item.ctx) ? item.ctx.url : undefined,
    item.url,
    IMAGE_NOT_LOADED.exec(item.msg)?.[1],
  ].filter((value): value is string => typeof value === "string");
  const image = images.find((location) => addresses.includes(location.url));
  return image ? formFieldName(image.path) : byLoc || undefined;
}

function itemField(item: ModelErrorItem, input: LoraRequest | undefined): string | undefined {
  const place = isModelErrorType(item.type) ? MODEL_ERROR_TYPES[item.type].place : "field";
  if (place === "prompt") return "prompt";
  if (place === "image") return imageField(item, input);
  return formFieldName(item.loc) || undefined;
}

/** A model error: each entry on its field, in the page's words for its type. */
function modelError(answer: FalAnswer, items: ModelErrorItem[], input: LoraRequest | undefined): RunError {
  const fieldErrors: FieldError[] = [];
  const lines = items.map((item) => {
    const text = isModelErrorType(item.type) ? withFalsWords(MODEL_ERROR_TYPES[item.type], item.msg) : item.msg;
    const field = itemField(item, input);
    if (!field) return text;
    fieldErrors.push({ field, message: text });
    return labelled(field, text);
  });
  const types = items.map((item) => item.type);
  return {
    kind: answer.status === 422 ? "validation" : "api",
    message: lines.join("\n"),
    fieldErrors,
    retryable: retryOffered(answer, types),
    errorType: types.find(isModelErrorType) ?? types[0],
    billing: billingFor(answer.status),
  };
}

/**
 * A 422 whose detail is a sentence, not a list: fal's app says so for an image it could not
 * fetch. The sentence is kept as fal wrote it; an image it names is found in the input and the
 * complaint lands on that field.
 */
function sentenceError(answer: FalAnswer, detail: string, input: LoraRequest | undefined): RunError {
  const url = IMAGE_NOT_LOADED.exec(detail)?.[1];
  const location = url && input ? imageLocations(input).find((image) => image.url === url) : undefined;
  const common = {
    kind: "validation" as const,
    retryable: retryOffered(answer, []),
    billing: billingFor(answer.status),
  };
  if (!location) return { ...common, message: `fal refused this input: ${detail}`, fieldErrors: [] };
  const field = formFieldName(location.path);
  return {
    ...common,
    message: `${fieldLabel(field)}: fal could not load this image. Check that its address is public and points to an image, or drop the image again. (fal: ${detail})`,
    fieldErrors: [{ field, message: `fal could not load this image: ${detail}` }],
    errorType: "image_load_error",
  };
}

/** A request error (`{detail, error_type}`), in the page's words for its type; other answers as they came. */
function requestError(answer: FalAnswer, detail: string | undefined, fallback: string): RunError {
  const type = answer.errorType;
  const words = answer.userTimeout
    ? USER_TIMEOUT_WORDS
    : isRequestErrorType(type)
      ? REQUEST_ERROR_TYPES[type]
      : undefined;
  const message = words ? withFalsWords(words, detail) : (detail ?? `${fallback} (HTTP ${answer.status})`);
  return {
    kind: "api",
    message,
    fieldErrors: [],
    retryable: retryOffered(answer, type ? [type] : []),
    ...(type && { errorType: type }),
    billing: billingFor(answer.status),
  };
}

function answerOf(error: ApiError<unknown>): FalAnswer {
  const headers = falErrorHeaders(error.body);
  const bodyType =
    isRecord(error.body) && typeof error.body.error_type === "string" ? error.body.error_type : undefined;
  return {
    status: error.status,
    body: error.body,
    retryable: headers.retryable,
    errorType: bodyType ?? headers.errorType,
    userTimeout: error.status === 504 && (error as { timeoutType?: string }).timeoutType === USER_TIMEOUT,
  };
}

/**
 * A message a person can act on, from whatever the client threw; nothing of the input is lost.
 * fal's two error shapes are read by type (docs/fal.md#errors); `input` lets a refusal that names
 * an image by its address point at the field holding it.
 */
export function toRunError(error: unknown, input?: LoraRequest): RunError {
  if (isApiError(error)) {
    const answer = answerOf(error);
    const detail = detailOf(answer.body);
    if (Array.isArray(detail) && detail.length > 0 && detail.every(isItem)) return modelError(answer, detail, input);
    if (typeof detail === "string" && answer.status === 422 && !answer.errorType)
      return sentenceError(answer, detail, input);
    return requestError(answer, typeof detail === "string" ? detail : undefined, error.message);
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

/**
 * A run whose COMPLETED status carries fal's `error` (and `error_type`), when its result cannot say
 * more: the words for the type, retryable as its usual status is.
 */
export function statusRunError(error: string, errorType: string | undefined): RunError {
  const status = isRequestErrorType(errorType)
    ? REQUEST_ERROR_TYPES[errorType].status
    : isModelErrorType(errorType)
      ? MODEL_ERROR_TYPES[errorType].status
      : 500;
  const words = isRequestErrorType(errorType)
    ? REQUEST_ERROR_TYPES[errorType]
    : isModelErrorType(errorType)
      ? MODEL_ERROR_TYPES[errorType]
      : undefined;
  return {
    kind: status === 422 ? "validation" : "api",
    message: words ? withFalsWords(words, error) : error,
    fieldErrors: [],
    retryable: retryOffered({ status }, errorType ? [errorType] : []),
    ...(errorType && { errorType }),
    billing: billingFor(status),
  };
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
    const type = answerOf(error).errorType;
    const words = isRequestErrorType(type) ? ` ${REQUEST_ERROR_TYPES[type].happened}` : "";
    return typeof detail === "string" ? `HTTP ${error.status}: ${detail}${words}` : `HTTP ${error.status}${words}`;
  }
  if (error instanceof TypeError) return `the network failed (${error.message})`;
  return messageOf(error, "no answer");
}
