import "server-only";
import { randomBytes } from "node:crypto";
import { BoundedCache } from "./bounded-cache";
import { SIMULATOR_BASE_PATH } from "./paths";
import { MAX_IMAGE_BYTES } from "@/lib/fal/limits";
import { MiB } from "@/lib/http/read-limited";

export type StoredFile = { bytes: Buffer; contentType: string; fileName: string };

export type UploadTarget = { upload_url: string; file_url: string };

export type FileStoreOptions = {
  ttlMs: number;
  maxBytes: number;
  /** Largest single upload; the playground uploads images only, and no larger than MAX_IMAGE_BYTES. */
  maxUploadBytes?: number;
  /** How long an upload URL stays usable. */
  uploadTtlMs?: number;
  now?: () => number;
};

type PendingUpload = { id: string; contentType: string; fileName: string };

const DEFAULT_CONTENT_TYPE = "application/octet-stream";

/** Why an upload was refused, with the HTTP status to answer. */
export class UploadError extends Error {
  constructor(
    readonly status: 404 | 413,
    message: string,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

/** A file name safe to put in a URL path as it stands. */
export function sanitizeFileName(name: string): string {
  const cleaned = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "")
    .slice(-100);
  return cleaned || "file";
}

function randomId(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * The simulator's stand-in for fal's CDN storage: upload URLs usable once, files served back by
 * id, all bounded by total bytes and age.
 */
export class FileStore {
  readonly maxUploadBytes: number;
  private readonly files: BoundedCache<string, StoredFile>;
  private readonly uploads: BoundedCache<string, PendingUpload>;

  constructor(options: FileStoreOptions) {
    this.maxUploadBytes = options.maxUploadBytes ?? MAX_IMAGE_BYTES;
    this.files = new BoundedCache({
      ttlMs: options.ttlMs,
      maxWeight: options.maxBytes,
      weigh: (file) => file.bytes.byteLength,
      now: options.now,
    });
    this.uploads = new BoundedCache({
      ttlMs: options.uploadTtlMs ?? 15 * 60_000,
      maxEntries: 10_000,
      now: options.now,
    });
  }

  /** Reserves a file: where to PUT its bytes, and where it will then be served. */
  initiate(request: { content_type: string; file_name: string }, origin: string): UploadTarget {
    const token = randomId();
    const id = randomId();
    const fileName = sanitizeFileName(request.file_name);
    this.uploads.set(token, { id, fileName, contentType: request.content_type || DEFAULT_CONTENT_TYPE });
    return {
      upload_url: `${origin}${SIMULATOR_BASE_PATH}/upload/${token}`,
      file_url: fileUrl(origin, id, fileName),
    };
  }

  /** Stores the bytes of an upload; the token is spent whether or not this succeeds. */
  put(token: string, bytes: Buffer, contentType?: string | null): void {
    const upload = this.uploads.get(token);
    if (!upload) throw new UploadError(404, "This upload URL is unknown, expired or already used.");
    this.uploads.delete(token);
    if (bytes.byteLength > this.maxUploadBytes) {
      throw new UploadError(413, `Files over ${this.maxUploadBytes / MiB} MiB are not accepted.`);
    }
    const stored = this.files.set(upload.id, {
      bytes,
      contentType: contentType || upload.contentType,
      fileName: upload.fileName,
    });
    if (!stored) throw new UploadError(413, "This file is larger than the simulator's whole store.");
  }

  get(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  /** Stores a file the simulator made (a result image) and returns its URL. */
  save(bytes: Buffer, contentType: string, fileName: string, origin: string): string {
    const id = randomId();
    const name = sanitizeFileName(fileName);
    if (!this.files.set(id, { bytes, contentType, fileName: name })) {
      throw new Error("The file is larger than the simulator's whole store.");
    }
    return fileUrl(origin, id, name);
  }

  get totalBytes(): number {
    return this.files.weight;
  }

  dispose(): void {
    this.files.dispose();
    this.uploads.dispose();
  }
}

function fileUrl(origin: string, id: string, fileName: string): string {
  return `${origin}${SIMULATOR_BASE_PATH}/files/${id}/${fileName}`;
}
