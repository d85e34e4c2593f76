import "server-only";
import type { GuardedFetch } from "@/lib/http/public-fetch";
import { FetchProblem, statusProblem, thrownProblem } from "./fetch-problem";
import {
  HeaderError,
  headerLength,
  LENGTH_BYTES,
  notSafetensors,
  parseHeader,
  type SafetensorsHeader,
} from "./safetensors-header";

/** The first read: most LoRA headers fit, and one that does not says how much more to ask for. */
export const FIRST_READ_BYTES = 64 * 1024;
/** Read past the header when asking for the rest anyway: the first tensors (kohya's first alpha) are there. */
const DATA_BYTES = 4096;

export type HeaderRead = {
  header: SafetensorsHeader;
  /** The file's bytes after the header that came with it. */
  data: Uint8Array;
  /** Every byte taken off the wire for it. */
  bytesRead: number;
  /** The file's size, when the host said it. */
  fileBytes?: number;
  etag?: string;
};

export type ReadOptions = {
  /** Ends every request of this read at once (the lookup's deadline). */
  signal: AbortSignal;
  timeoutMs: number;
  /** Asks the host whether the file changed since this ETag; it answers 304 when not. */
  etag?: string;
  /** Request headers the host needs (none for public files). */
  headers?: Record<string, string>;
};

/**
 * Collects a body until `enough` bytes are in, then stops reading (the rest is never taken off
 * the wire past the chunk in hand): a host that ignores Range and sends the whole file costs
 * one chunk past the header.
 */
class BodyReader {
  private chunks: Uint8Array[] = [];
  length = 0;
  taken = 0;
  done = false;

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  async fill(enough: number): Promise<void> {
    while (!this.done && this.length < enough) {
      const { done, value } = await this.reader.read();
      if (done) this.done = true;
      else {
        this.chunks.push(value);
        this.length += value.byteLength;
        this.taken += value.byteLength;
      }
    }
  }

  bytes(): Uint8Array {
    if (this.chunks.length !== 1) {
      const joined = new Uint8Array(this.length);
      let offset = 0;
      for (const chunk of this.chunks) {
        joined.set(chunk, offset);
        offset += chunk.byteLength;
      }
      this.chunks = [joined];
    }
    return this.chunks[0] ?? new Uint8Array(0);
  }

  async stop(): Promise<void> {
    if (!this.done) await this.reader.cancel().catch(() => undefined);
    this.done = true;
  }
}

function totalFromContentRange(value: string | null): number | undefined {
  const total = value?.match(/\/(\d+)\s*$/)?.[1];
  return total === undefined ? undefined : Number(total);
}

function declaredLength(response: Response): number | undefined {
  const length = Number(response.headers.get("content-length") ?? "");
  return Number.isFinite(length) && response.headers.has("content-length") ? length : undefined;
}

/**
 * Reads a safetensors file's header over HTTP without downloading the file: a Range request for
 * the first 64 KiB, a second one for the rest of a longer header; from a host that ignores Range,
 * the one answer is read only until the header is in. Answers "not-modified" when the host says
 * the file still has `etag`.
 */
export async function readSafetensorsHeader(
  url: string,
  fetch: GuardedFetch,
  options: ReadOptions,
): Promise<HeaderRead | "not-modified"> {
  const ask = async (start: number, end: number, etag?: string) => {
    try {
      return await fetch(url, {
        headers: { ...options.headers, range: `bytes=${start}-${end - 1}`, ...(etag ? { "if-none-match": etag } : {}) },
        signal: options.signal,
        timeoutMs: options.timeoutMs,
        // A host that ignores Range declares the whole file; this reader stops itself past the header.
        maxBytes: Number.MAX_SAFE_INTEGER,
      });
    } catch (error) {
      throw thrownProblem(url, error);
    }
  };

  const first = await ask(0, FIRST_READ_BYTES, options.etag);
  if (first.status === 304) {
    await first.body?.cancel().catch(() => undefined);
    return "not-modified";
  }
  if (first.status === 416) throw new FetchProblem("truncated", "The file is empty.");
  if (!first.ok) {
    await first.body?.cancel().catch(() => undefined);
    throw statusProblem(url, first.status);
  }
  const ranged = first.status === 206;
  const fileBytes = ranged ? totalFromContentRange(first.headers.get("content-range")) : declaredLength(first);
  if (!first.body) throw new FetchProblem("truncated", "The host answered with no file.");
  const body = new BodyReader(first.body.getReader());
  let bytesRead = 0;
  try {
    await body.fill(LENGTH_BYTES);
    const prefix = body.bytes();
    const problem = notSafetensors(prefix, first.headers.get("content-type") ?? "");
    if (problem) throw new FetchProblem("not-safetensors", problem);
    const length = headerLength(prefix);
    const headerEnd = LENGTH_BYTES + length;
    await body.fill(ranged ? FIRST_READ_BYTES : headerEnd + DATA_BYTES);
    await body.stop();
    bytesRead = body.taken;
    let bytes = body.bytes();
    const hostHasMore = fileBytes === undefined ? body.length >= FIRST_READ_BYTES : fileBytes > bytes.length;
    if (bytes.length < headerEnd && ranged && hostHasMore) {
      const rest = await ask(bytes.length, headerEnd + DATA_BYTES);
      if (rest.status !== 206 || !rest.body) {
        await rest.body?.cancel().catch(() => undefined);
        throw rest.ok
          ? new FetchProblem("unsupported", "The host stopped honouring Range requests.")
          : statusProblem(url, rest.status);
      }
      const restBody = new BodyReader(rest.body.getReader());
      await restBody.fill(headerEnd + DATA_BYTES - bytes.length);
      await restBody.stop();
      bytesRead += restBody.taken;
      const joined = new Uint8Array(bytes.length + restBody.length);
      joined.set(bytes);
      joined.set(restBody.bytes(), bytes.length);
      bytes = joined;
    }
    if (bytes.length < headerEnd) {
      throw new HeaderError(
        "truncated",
        `The file ends after ${bytes.length} bytes, inside its ${length}-byte header: it was cut short.`,
      );
    }
    return {
      header: parseHeader(bytes.subarray(LENGTH_BYTES, headerEnd)),
      data: bytes.subarray(headerEnd),
      bytesRead,
      fileBytes,
      etag: first.headers.get("etag") ?? undefined,
    };
  } catch (error) {
    await body.stop();
    if (error instanceof HeaderError) throw new FetchProblem(error.kind, error.message);
    throw error instanceof FetchProblem ? error : thrownProblem(url, error);
  }
}
