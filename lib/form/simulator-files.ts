import { imageLocations } from "@/lib/fal/image-locations";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { SIMULATOR_BASE_PATH } from "@/lib/simulator/paths";
import { formFieldName } from "./server-errors";

export const SIMULATOR_FILE_MESSAGE =
  "This image is stored by the local simulator, which fal cannot reach; drop the image again.";

/** True for a file the simulator of the server at `origin` stores: fal cannot fetch it (docs/fal.md#files). */
export function isSimulatorFile(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin === origin && parsed.pathname.startsWith(`${SIMULATOR_BASE_PATH}/files/`);
  } catch {
    return false;
  }
}

/**
 * The form fields of `body` whose image is a simulator file of the server at `origin`: history,
 * presets and links made in simulator mode hold such URLs, and in fal mode they would only come
 * back as a 422 after a billed submit.
 */
export function simulatorFileFields(body: LoraRequest, origin: string): string[] {
  return imageLocations(body)
    .filter((image) => isSimulatorFile(image.url, origin))
    .map((image) => formFieldName(image.path));
}
