import "server-only";
import type { FileStore } from "./file-store";
import { simulatorFileId } from "./paths";
import { pathLabel } from "@/lib/fal/field-labels";
import { MAX_IMAGE_BYTES } from "@/lib/fal/limits";
import { isDataUri, parseDataUri } from "@/lib/http/data-uri";
import { BodyTooLargeError, type GuardedFetch, PrivateAddressError } from "@/lib/http/public-fetch";
import { declaredTooLarge, MiB, readLimited } from "@/lib/http/read-limited";
import { type LoadImage, SimulatorInputError } from "./types";

export type ImageLoaderOptions = {
  files: FileStore;
  fetch: GuardedFetch;
  timeoutMs?: number;
  maxBytes?: number;
};

/**
 * The loader the renderer fetches input images with: data URIs are decoded, the simulator's own
 * files (on whatever host they were addressed) are read from the store, anything else is
 * downloaded with a time and size limit. Every failure names the field it came from.
 */
export function createImageLoader({
  files,
  fetch,
  timeoutMs = 10_000,
  maxBytes = MAX_IMAGE_BYTES,
}: ImageLoaderOptions): LoadImage {
  return async (url, field) => {
    const loc = field[0] === "body" ? field : ["body", ...field];
    const fail = (reason: string) =>
      new SimulatorInputError(loc, `${pathLabel(loc)} could not be downloaded: ${reason}`);
    const tooLarge = () => fail(`the image is larger than ${maxBytes / MiB} MiB.`);

    if (isDataUri(url)) {
      const dataUri = parseDataUri(url);
      if (!dataUri) throw fail("only base64 data URIs are supported.");
      const bytes = Buffer.from(dataUri.base64, "base64");
      if (bytes.byteLength === 0) throw fail("the data URI is empty.");
      if (bytes.byteLength > maxBytes) throw tooLarge();
      return bytes;
    }

    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw fail("it is not a valid URL.");
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
      throw fail("only http(s) URLs and data URIs are supported.");
    }

    const ownFile = simulatorFileId(parsed.pathname);
    if (ownFile) {
      const stored = files.get(ownFile);
      if (!stored) throw fail("the file does not exist or has expired.");
      return stored.bytes;
    }

    let response: Response;
    try {
      response = await fetch(parsed, { signal: AbortSignal.timeout(timeoutMs), timeoutMs, maxBytes });
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw tooLarge();
      throw fail(describeFetchError(error, timeoutMs));
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw fail(`the server answered HTTP ${response.status}.`);
    }
    if (declaredTooLarge(response.headers, maxBytes)) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }
    let bytes: Buffer | null;
    try {
      bytes = await readLimited(response.body, maxBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw tooLarge();
      throw fail(describeFetchError(error, timeoutMs));
    }
    if (!bytes) throw tooLarge();
    if (bytes.byteLength === 0) throw fail("the server sent an empty body.");
    return bytes;
  };
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${timeoutMs / 1000} s.`;
  }
  if (error instanceof PrivateAddressError) return error.message;
  return "the host could not be reached.";
}
