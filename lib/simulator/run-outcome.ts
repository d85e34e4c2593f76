import "server-only";
import type { LoraInput } from "@/lib/fal/input-schema";
import type { LoraOutput } from "@/lib/fal/output-schema";
import type { FileStore } from "./file-store";
import type { Run, RunOutcome } from "./run-status";
import { type RenderedImage, SimulatorInputError } from "./types";

/** Steps the sampler takes: a custom schedule's length wins over `num_inference_steps`. */
export function stepCount(input: LoraInput): number {
  if (input.timesteps.method === "array") return input.timesteps.array.length;
  if (input.sigmas.method === "array") return input.sigmas.array.length;
  return input.num_inference_steps;
}

/** Stores the rendered images and builds the endpoint's output around their URLs. */
export function storeOutput(files: FileStore, run: Run, images: RenderedImage[], seed: number): LoraOutput {
  const stored = images.map((image, index) => {
    const fileName = `${run.id}_${index}.${image.contentType === "image/jpeg" ? "jpg" : "png"}`;
    return {
      url: files.save(image.bytes, image.contentType, fileName, run.origin),
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
 * How runs that did not produce images end. fal documents `client_cancelled` (HTTP 499) and
 * `runner_server_error` (500) for request errors; an input the model rejects is the model's own
 * 422 `{detail: [...]}`, tagged `validation_error` on the status.
 */
export const CANCELLED_MESSAGE = "Request was cancelled";

export function cancelledOutcome(): RunOutcome {
  return {
    ok: false,
    httpStatus: 499,
    body: { detail: CANCELLED_MESSAGE, error_type: "client_cancelled" },
    error: CANCELLED_MESSAGE,
    errorType: "client_cancelled",
  };
}

export function failedOutcome(error: unknown): RunOutcome {
  if (error instanceof SimulatorInputError) {
    return {
      ok: false,
      httpStatus: 422,
      body: { detail: [{ loc: error.loc, msg: error.message, type: error.type }] },
      error: error.message,
      errorType: "validation_error",
    };
  }
  const detail = "Internal error while generating the images";
  return {
    ok: false,
    httpStatus: 500,
    body: { detail, error_type: "runner_server_error" },
    error: detail,
    errorType: "runner_server_error",
  };
}
