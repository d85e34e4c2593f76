import type { FalErrorTypeName } from "@/lib/fal/fal-errors";

/** Fetches the bytes of an image input (http(s) URL, data URI, or a file the simulator stores). */
export type LoadImage = (url: string, field: (string | number)[]) => Promise<Buffer>;

export type RenderedImage = {
  bytes: Buffer;
  width: number;
  height: number;
  contentType: "image/png" | "image/jpeg";
};

/** A run ending in one of fal's documented errors, played by the `fail` fault with `type=` (lib/simulator/faults.ts). */
export class SimulatedFalError extends Error {
  constructor(readonly errorType: FalErrorTypeName) {
    super(`Simulated fault: ${errorType}`);
    this.name = "SimulatedFalError";
  }
}

/** An input the simulator could not use; answered as fal's 422 on the field at `loc`. */
export class SimulatorInputError extends Error {
  constructor(
    readonly loc: (string | number)[],
    message: string,
    readonly type = "image_load_error",
  ) {
    super(message);
    this.name = "SimulatorInputError";
  }
}
