import "server-only";
import { imageLocations } from "@/lib/fal/image-locations";
import type { LoraInput } from "@/lib/fal/input-schema";
import {
  type FalErrorTypeName,
  isModelErrorType,
  MODEL_ERROR_TYPES,
  type ModelErrorTypeName,
  REQUEST_ERROR_TYPES,
  type RequestErrorTypeName,
} from "@/lib/fal/fal-errors";
import { MAX_IMAGE_BYTES } from "@/lib/fal/limits";

/** An error as fal answers it: status, body in its type's shape, headers, and what the status object says. */
export type FalErrorAnswer = {
  httpStatus: number;
  body: unknown;
  headers: Record<string, string>;
  /** The status object's `error` and `error_type`. */
  error: string;
  errorType: string;
};

export const RETRYABLE_HEADER = "x-fal-retryable";
const ERROR_TYPE_HEADER = "x-fal-error-type";

/** Model errors whose same input may well succeed again; the others are refusals of the input. */
const RETRYABLE_MODEL_ERRORS = new Set<ModelErrorTypeName>([
  "generation_timeout",
  "internal_server_error",
  "downstream_service_error",
  "downstream_service_unavailable",
]);

const REQUEST_DETAILS: Record<RequestErrorTypeName, string> = {
  request_timeout: "Request timed out",
  startup_timeout: "Runner did not start within the allowed time",
  runner_scheduling_failure: "No runner could be allocated to handle the request",
  runner_connection_timeout: "Connection to the runner timed out",
  runner_disconnected: "Runner disconnected unexpectedly",
  runner_connection_refused: "Runner refused the connection",
  runner_connection_error: "Error connecting to the runner",
  runner_incomplete_response: "Runner sent an incomplete response",
  runner_server_error: "Internal error while generating the images",
  client_disconnected: "Client disconnected",
  client_cancelled: "Request was cancelled",
  bad_request: "Bad request",
  internal_error: "Internal error",
};

/** A request error: `{detail, error_type}` with `X-Fal-Error-Type` (docs/fal.md#errors). */
export function requestErrorAnswer(
  type: RequestErrorTypeName,
  detail = REQUEST_DETAILS[type],
  headers: Record<string, string> = {},
): FalErrorAnswer {
  return {
    httpStatus: REQUEST_ERROR_TYPES[type].status,
    body: { detail, error_type: type },
    headers: { [ERROR_TYPE_HEADER]: type, ...headers },
    error: detail,
    errorType: type,
  };
}

type Item = { loc: (string | number)[]; msg: string; ctx?: Record<string, unknown>; input?: unknown };

/** Where a simulated model error of this type points, with fal-like words and context. */
function itemFor(type: ModelErrorTypeName, input: LoraInput | undefined): Item {
  const image = input ? imageLocations(input)[0] : undefined;
  const onImage = (msg: string, ctx?: Record<string, unknown>): Item => ({
    loc: ["body", ...(image?.path ?? ["image_url"])],
    msg,
    ctx,
    input: image?.url,
  });
  switch (type) {
    case "content_policy_violation":
      return { loc: ["body", "prompt"], msg: "The content checker flagged this input.", input: input?.prompt };
    case "image_too_small":
      return onImage("Image must be at least 512x512 pixels.", { min_width: 512, min_height: 512 });
    case "image_too_large":
      return onImage("Image must be at most 4096x4096 pixels.", { max_width: 4096, max_height: 4096 });
    case "image_load_error":
      return onImage("Could not read the image.");
    case "file_download_error":
      return onImage(`Could not download the file from ${image?.url ?? "the given URL"}.`);
    case "face_detection_error":
      return onImage("No face was detected in the image.");
    case "file_too_large":
      return onImage(`File must be at most ${MAX_IMAGE_BYTES} bytes.`, { max_size: MAX_IMAGE_BYTES });
    case "greater_than":
      return { loc: ["body", "num_inference_steps"], msg: "Input should be greater than 0", ctx: { gt: 0 } };
    case "greater_than_equal":
      return { loc: ["body", "noise_strength"], msg: "Input should be greater than or equal to 0", ctx: { ge: 0 } };
    case "less_than":
      return { loc: ["body", "guidance_scale"], msg: "Input should be less than 20", ctx: { lt: 20 } };
    case "less_than_equal":
      return { loc: ["body", "num_images"], msg: "Input should be less than or equal to 8", ctx: { le: 8 } };
    case "multiple_of":
      return { loc: ["body", "tile_width"], msg: "Input should be a multiple of 8", ctx: { multiple_of: 8 } };
    case "sequence_too_short":
      return { loc: ["body", "loras"], msg: "List should have at least 1 item", ctx: { min_length: 1 } };
    case "sequence_too_long":
      return { loc: ["body", "embeddings"], msg: "List should have at most 1 item", ctx: { max_length: 1 } };
    case "one_of":
      return { loc: ["body", "scheduler"], msg: "Input should be one of the schedulers", ctx: { expected: "…" } };
    case "feature_not_supported":
      return { loc: ["body", "ic_light_model_url"], msg: "This feature is not supported with these settings." };
    case "generation_timeout":
      return { loc: ["body"], msg: "Generation timed out." };
    case "no_media_generated":
      return { loc: ["body"], msg: "No image was generated." };
    default:
      return { loc: ["body"], msg: `Simulated ${type.replaceAll("_", " ")}.` };
  }
}

/** A model error: `{detail: [{loc, msg, type, url, ctx, input}]}` with `X-Fal-Retryable` (docs/fal.md#errors). */
export function modelErrorAnswer(type: ModelErrorTypeName, input?: LoraInput): FalErrorAnswer {
  const { loc, msg, ctx, input: value } = itemFor(type, input);
  const item = { loc, msg, type, url: `https://docs.fal.ai/errors/#${type}`, ...(ctx && { ctx }), input: value };
  return {
    httpStatus: MODEL_ERROR_TYPES[type].status,
    body: { detail: [item] },
    headers: { [RETRYABLE_HEADER]: String(RETRYABLE_MODEL_ERRORS.has(type)) },
    error: msg,
    errorType: type,
  };
}

/** The answer of either shape for any documented type. */
export function falErrorAnswer(type: FalErrorTypeName, input?: LoraInput): FalErrorAnswer {
  return isModelErrorType(type) ? modelErrorAnswer(type, input) : requestErrorAnswer(type);
}
