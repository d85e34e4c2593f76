/**
 * fal's documented error types (docs/fal.md#errors), in one place: the shape fal answers each in,
 * its usual HTTP status, and the page's words for it (what happened, what to do). The simulator
 * answers with these shapes and statuses; the run card says these words.
 *
 * - Model errors: `{"detail": [{loc, msg, type, url, ctx, input}]}`, with `X-Fal-Retryable`.
 * - Request errors: `{"detail": "…", "error_type": "…"}`, with `X-Fal-Error-Type`.
 */

export type FalErrorWords = { happened: string; whatToDo: string };

/** Where a model error lands in the form: the prompt, the image it names, or the field of its `loc`. */
export type FalErrorPlace = "prompt" | "image" | "field";

type ModelErrorType = FalErrorWords & { status: number; place: FalErrorPlace; retry?: false };
type RequestErrorType = FalErrorWords & { status: number };

const RETRY_LATER = "Retry in a moment.";

export const MODEL_ERROR_TYPES = {
  content_policy_violation: {
    status: 422,
    place: "prompt",
    retry: false,
    happened: "fal's content checker flagged this input.",
    whatToDo: "Change the prompt or the images: the same input will be refused again.",
  },
  no_media_generated: {
    status: 422,
    place: "field",
    happened: "The model made no image from this input.",
    whatToDo: "Change the prompt or the settings and run again.",
  },
  image_too_small: {
    status: 422,
    place: "image",
    happened: "This image is smaller than the model takes.",
    whatToDo: "Use a larger image.",
  },
  image_too_large: {
    status: 422,
    place: "image",
    happened: "This image is larger than the model takes.",
    whatToDo: "Use a smaller image.",
  },
  image_load_error: {
    status: 422,
    place: "image",
    happened: "fal could not read this image.",
    whatToDo: "Check that it is a PNG, JPEG or WebP that opens, or drop the image again.",
  },
  file_download_error: {
    status: 422,
    place: "image",
    happened: "fal could not download this image.",
    whatToDo: "Check that its address is public, or drop the image again so it is uploaded to fal.",
  },
  face_detection_error: {
    status: 422,
    place: "image",
    happened: "fal found no face in this image.",
    whatToDo: "Use an image with a clear face.",
  },
  file_too_large: {
    status: 422,
    place: "image",
    happened: "This file is larger than fal takes.",
    whatToDo: "Use a smaller file.",
  },
  greater_than: { status: 422, place: "field", happened: "This value is too small for fal.", whatToDo: "Raise it." },
  greater_than_equal: {
    status: 422,
    place: "field",
    happened: "This value is too small for fal.",
    whatToDo: "Raise it.",
  },
  less_than: { status: 422, place: "field", happened: "This value is too large for fal.", whatToDo: "Lower it." },
  less_than_equal: { status: 422, place: "field", happened: "This value is too large for fal.", whatToDo: "Lower it." },
  multiple_of: {
    status: 422,
    place: "field",
    happened: "fal takes only certain steps of this value.",
    whatToDo: "Change it as fal says.",
  },
  sequence_too_short: {
    status: 422,
    place: "field",
    happened: "This list is too short for fal.",
    whatToDo: "Add to it.",
  },
  sequence_too_long: {
    status: 422,
    place: "field",
    happened: "This list is too long for fal.",
    whatToDo: "Shorten it.",
  },
  one_of: { status: 422, place: "field", happened: "fal does not take this choice.", whatToDo: "Pick another." },
  feature_not_supported: {
    status: 422,
    place: "field",
    happened: "fal does not support this setting with the others.",
    whatToDo: "Change or remove it.",
  },
  generation_timeout: {
    status: 504,
    place: "field",
    happened: "Making the images took longer than fal allows.",
    whatToDo: "Retry, or ask for fewer images or steps.",
  },
  internal_server_error: {
    status: 500,
    place: "field",
    happened: "The model failed on fal.",
    whatToDo: RETRY_LATER,
  },
  downstream_service_error: {
    status: 500,
    place: "field",
    happened: "A service the model relies on failed.",
    whatToDo: RETRY_LATER,
  },
  downstream_service_unavailable: {
    status: 503,
    place: "field",
    happened: "A service the model relies on is unavailable.",
    whatToDo: RETRY_LATER,
  },
} as const satisfies Record<string, ModelErrorType>;

export const REQUEST_ERROR_TYPES = {
  request_timeout: {
    status: 504,
    happened: "fal stopped the run: it went past the time allowed.",
    whatToDo: "Retry; if it happens again, ask for fewer images or steps.",
  },
  startup_timeout: {
    status: 504,
    happened: "No runner of this model started in time on fal (a cold start that took too long).",
    whatToDo: RETRY_LATER,
  },
  runner_scheduling_failure: {
    status: 503,
    happened: "fal could not find a runner for this run.",
    whatToDo: RETRY_LATER,
  },
  runner_connection_timeout: {
    status: 503,
    happened: "fal's connection to the runner timed out.",
    whatToDo: RETRY_LATER,
  },
  runner_disconnected: {
    status: 503,
    happened: "The runner disconnected from fal while working on this run.",
    whatToDo: RETRY_LATER,
  },
  runner_connection_refused: { status: 503, happened: "The runner refused fal's connection.", whatToDo: RETRY_LATER },
  runner_connection_error: { status: 503, happened: "fal could not reach the runner.", whatToDo: RETRY_LATER },
  runner_incomplete_response: { status: 502, happened: "The runner's answer was cut short.", whatToDo: RETRY_LATER },
  runner_server_error: {
    status: 500,
    happened: "The model's code failed on fal's runner.",
    whatToDo: "Retry; if it fails again, change what is unusual about this run (a LoRA, a ControlNet, the model).",
  },
  client_disconnected: {
    status: 499,
    happened: "The connection closed before fal could answer.",
    whatToDo: "Retry.",
  },
  client_cancelled: { status: 499, happened: "The run was cancelled.", whatToDo: "Run it again if you still want it." },
  bad_request: {
    status: 400,
    happened: "fal refused the request itself.",
    whatToDo: "Check the Request options (start timeout, priority, file lifetime).",
  },
  internal_error: { status: 500, happened: "Something went wrong inside fal.", whatToDo: RETRY_LATER },
} as const satisfies Record<string, RequestErrorType>;

export type ModelErrorTypeName = keyof typeof MODEL_ERROR_TYPES;
export type RequestErrorTypeName = keyof typeof REQUEST_ERROR_TYPES;
export type FalErrorTypeName = ModelErrorTypeName | RequestErrorTypeName;

export function isModelErrorType(type: unknown): type is ModelErrorTypeName {
  return typeof type === "string" && Object.hasOwn(MODEL_ERROR_TYPES, type);
}

export function isRequestErrorType(type: unknown): type is RequestErrorTypeName {
  return typeof type === "string" && Object.hasOwn(REQUEST_ERROR_TYPES, type);
}

/** fal's word for a start timeout the caller set (`X-Fal-Request-Timeout-Type: user`). */
export const USER_TIMEOUT = "user";

/** The words for a start timeout the user set, which no runner met. */
export const USER_TIMEOUT_WORDS: FalErrorWords = {
  happened: "No runner started within the start timeout set for this run, so fal gave up on it.",
  whatToDo: "Retry, or allow more time under Request › Start timeout.",
};

/** The card's line on cost: fal bills only what it delivered (docs/fal.md#errors). */
export const NOT_BILLED = "fal does not bill failed runs: it charges only for successful outputs.";
/** fal's FAQ adds this for inputs a runner refused after working on them. */
export const REFUSED_BILLING =
  "fal does not bill failed runs; an input refused after a runner worked on it may still be charged for that time.";
