import { isFalMediaUrl } from "@/lib/fal/media-hosts";
import { isSimulatorFile } from "@/lib/form/simulator-files";

/** Longer than any address fal or the simulator hands out. */
const MAX_IMAGE_URL_CHARS = 2048;

/** A run's image as a link may show it: on fal's media hosts, or a file of this server's simulator. */
export type SharedImage = { url: string; host: "fal" | "simulator" };

export type SharedImageReading = { ok: true; image: SharedImage } | { ok: false; message: string };

/**
 * The image a link carries, if the page may show it and the preview may draw it: only fal's media
 * hosts and the simulator of the server at `origin`, so a link cannot make either load anything else.
 */
export function readSharedImage(value: unknown, origin: string): SharedImageReading {
  if (typeof value !== "string" || value.length > MAX_IMAGE_URL_CHARS) {
    return { ok: false, message: "The image address could not be read; the image is not shown." };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: "The image address is not a web address; the image is not shown." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, message: `A "${url.protocol}" address is not an image; it is not shown.` };
  }
  if (isFalMediaUrl(url)) return { ok: true, image: { url: url.href, host: "fal" } };
  if (isSimulatorFile(url.href, origin)) return { ok: true, image: { url: url.href, host: "simulator" } };
  return {
    ok: false,
    message: `The image is on ${url.host}, not on fal's media hosts or this playground; it is not shown.`,
  };
}
