import "server-only";
import { randomBytes } from "node:crypto";
import { imageLocations } from "@/lib/fal/image-locations";
import type { LoraInput } from "@/lib/fal/input-schema";
import type { FalValidationBody } from "@/lib/fal/validation-error";
import type { FileStore } from "./file-store";
import type { Run, RunOutcome, SimulatorOutput } from "./run-status";
import { USER_TIMEOUT } from "@/lib/fal/fal-errors";
import { falErrorAnswer, requestErrorAnswer, RETRYABLE_HEADER } from "./fal-error-answers";

/** fal marks a start timeout the caller set with this header on its 504 (docs/fal.md#request-options). */
const TIMEOUT_TYPE_HEADER = "x-fal-request-timeout-type";
import { type RenderedImage, SimulatedFalError, SimulatorInputError } from "./types";

/** Steps the sampler takes: a custom schedule's length wins over `num_inference_steps`. */
export function stepCount(input: LoraInput): number {
  if (input.timesteps?.method === "array") return input.timesteps.array.length;
  if (input.sigmas?.method === "array") return input.sigmas.array.length;
  return input.num_inference_steps;
}

/**
 * The seed a run uses, as fal's app picks it: `input.seed or torch.seed()`, so no seed and seed 0
 * both get a fresh 64-bit one (docs/fal.md#seeds), which the result carries as an exact integer.
 */
export function runSeed(input: LoraInput): number | bigint {
  return input.seed || randomBytes(8).readBigUInt64BE();
}

/** The 32 bits of a seed the procedural renderer draws from. */
export function renderSeed(seed: number | bigint): number {
  return Number(BigInt.asUintN(32, BigInt(seed)));
}

/** Stores the rendered images and builds the endpoint's output around their URLs. */
export function storeOutput(
  files: FileStore,
  run: Run,
  images: RenderedImage[],
  seed: number | bigint,
): SimulatorOutput {
  const stored = images.map((image, index) => {
    const fileName = `${run.id}_${index}.${image.contentType === "image/jpeg" ? "jpg" : "png"}`;
    return {
      url: files.save(image.bytes, image.contentType, fileName, run.origin, run.options.resultTtlMs),
      content_type: image.contentType,
      file_name: fileName,
      file_size: image.bytes.byteLength,
      width: image.width,
      height: image.height,
    };
  });
  // The simulator never flags an image, safety checker on or off.
  const flags = stored.map(() => false);
  return { images: stored, seed, has_nsfw_concepts: flags, debug_latents: null, debug_per_pass_latents: null };
}

/**
 * How runs that did not produce images end, in fal's two error shapes (docs/fal.md#errors):
 * `client_cancelled` (499) and `runner_server_error` (500) are request errors; an input the app
 * refuses is its own 422 (a model error, not retryable), tagged `validation_error` on the status.
 */
export const CANCELLED_MESSAGE = "Request was cancelled";

/** fal's 504 for a run no runner started within its start timeout (X-Fal-Request-Timeout). */
export function startTimeoutOutcome(): RunOutcome {
  const detail = "Request timed out: no runner started within the start timeout";
  return { ok: false, ...requestErrorAnswer("request_timeout", detail, { [TIMEOUT_TYPE_HEADER]: USER_TIMEOUT }) };
}

export function cancelledOutcome(): RunOutcome {
  return { ok: false, ...requestErrorAnswer("client_cancelled", CANCELLED_MESSAGE) };
}

/** The app's 422 for an input it refused when the run started. */
export function refusedOutcome(body: FalValidationBody): RunOutcome {
  const error = typeof body.detail === "string" ? body.detail : body.detail.map((item) => item.msg).join("; ");
  return {
    ok: false,
    httpStatus: 422,
    body,
    headers: { [RETRYABLE_HEADER]: "false" },
    error,
    errorType: "validation_error",
  };
}

/**
 * fal's app names an image it could not fetch or read by its address only, in a sentence
 * (docs/fal.md#validation-at-run-time); the simulator's own reason goes to the run's log instead.
 */
function imageNotLoaded(error: SimulatorInputError, input: LoraInput | undefined): FalValidationBody | undefined {
  const path = error.loc[0] === "body" ? error.loc.slice(1) : error.loc;
  const image = input && imageLocations(input).find((location) => location.path.join(".") === path.join("."));
  return image && { detail: `Could not load image from url: ${image.url}` };
}

export function failedOutcome(error: unknown, input?: LoraInput): RunOutcome {
  if (error instanceof SimulatorInputError) {
    return refusedOutcome(
      imageNotLoaded(error, input) ?? { detail: [{ loc: error.loc, msg: error.message, type: error.type }] },
    );
  }
  if (error instanceof SimulatedFalError) return { ok: false, ...falErrorAnswer(error.errorType, input) };
  return { ok: false, ...requestErrorAnswer("runner_server_error") };
}
