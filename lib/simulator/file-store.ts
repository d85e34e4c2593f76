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
  /** Share of `maxBytes` one client's uploads may hold; past it, that client's own oldest go first. */
  clientShare?: number;
  /** Upload URLs one client may hold unused at once; past it, that client's own oldest lapse. */
  maxPendingPerClient?: number;
  now?: () => number;
};

/** `ttlMs`: how long the file is kept once stored, when the upload asked (X-Fal-Object-Lifecycle). */
type PendingUpload = { id: string; contentType: string; fileName: string; client?: string; ttlMs?: number };

const DEFAULT_CONTENT_TYPE = "application/octet-stream";
const DEFAULT_CLIENT_SHARE = 0.25;
export const UNKNOWN_UPLOAD = "This upload URL is unknown, expired or already used.";
const DEFAULT_MAX_PENDING_PER_CLIENT = 32;
const MAX_TRACKED_CLIENTS = 10_000;

export function uploadTooLargeMessage(maxBytes: number): string {
  return `Files over ${maxBytes / MiB} MiB are not accepted; nothing was stored.`;
}

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
  /** Per client, oldest first: the ids of its stored uploads and the tokens of its unused upload URLs. */
  private readonly clientFiles = new Map<string, string[]>();
  private readonly clientUploads = new Map<string, string[]>();
  private readonly clientShareBytes: number;
  private readonly maxPendingPerClient: number;

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
    this.clientShareBytes = Math.floor(options.maxBytes * (options.clientShare ?? DEFAULT_CLIENT_SHARE));
    this.maxPendingPerClient = options.maxPendingPerClient ?? DEFAULT_MAX_PENDING_PER_CLIENT;
  }

  /**
   * Reserves a file: where to PUT its bytes, and where it will then be served. A known `client`
   * (told apart by the proxy) keeps to its own share, so its burst cannot push out anyone else's.
   * `ttlMs` keeps the file that long instead of the store's own lifetime (docs/fal.md#request-options).
   */
  initiate(
    request: { content_type: string; file_name: string },
    origin: string,
    client?: string,
    ttlMs?: number,
  ): UploadTarget {
    const token = randomId();
    const id = randomId();
    const fileName = sanitizeFileName(request.file_name);
    if (client) {
      const tokens = this.liveKeys(this.clientUploads, client, (key) => this.uploads.has(key));
      while (tokens.length >= this.maxPendingPerClient) this.uploads.delete(tokens.shift() ?? "");
      tokens.push(token);
    }
    this.uploads.set(token, {
      id,
      fileName,
      contentType: request.content_type || DEFAULT_CONTENT_TYPE,
      client,
      ttlMs,
    });
    return {
      upload_url: `${origin}${SIMULATOR_BASE_PATH}/upload/${token}`,
      file_url: fileUrl(origin, id, fileName),
    };
  }

  /** True while `token` is an upload URL that can still be used. */
  isPending(token: string): boolean {
    return this.uploads.has(token);
  }

  /** Stores the bytes of an upload; the token is spent whether or not this succeeds. */
  put(token: string, bytes: Buffer, contentType?: string | null): void {
    const upload = this.uploads.get(token);
    if (!upload) throw new UploadError(404, UNKNOWN_UPLOAD);
    this.uploads.delete(token);
    if (bytes.byteLength > this.maxUploadBytes) {
      throw new UploadError(413, uploadTooLargeMessage(this.maxUploadBytes));
    }
    if (upload.client) this.makeRoom(upload.client, bytes.byteLength, upload.id);
    const stored = this.files.set(
      upload.id,
      { bytes, contentType: contentType || upload.contentType, fileName: upload.fileName },
      upload.ttlMs,
    );
    if (!stored) throw new UploadError(413, "This file is larger than the simulator's whole store.");
  }

  /** Drops the client's own oldest files until `incoming` more bytes fit in its share. */
  private makeRoom(client: string, incoming: number, id: string): void {
    const ids = this.liveKeys(this.clientFiles, client, (key) => this.files.has(key));
    let held = ids.reduce((sum, key) => sum + (this.files.peek(key)?.bytes.byteLength ?? 0), 0);
    while (ids.length > 0 && held + incoming > this.clientShareBytes) {
      const oldest = ids.shift() ?? "";
      held -= this.files.peek(oldest)?.bytes.byteLength ?? 0;
      this.files.delete(oldest);
    }
    ids.push(id);
  }

  /** The client's keys still present, oldest first (expired or evicted ones are dropped from the list). */
  private liveKeys(index: Map<string, string[]>, client: string, present: (key: string) => boolean): string[] {
    if (index.size > MAX_TRACKED_CLIENTS) {
      for (const [other, keys] of index) if (!keys.some(present)) index.delete(other);
    }
    const keys = (index.get(client) ?? []).filter(present);
    index.set(client, keys);
    return keys;
  }

  get(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  /** Stores a file the simulator made (a result image), for `ttlMs` when the run asked, and returns its URL. */
  save(bytes: Buffer, contentType: string, fileName: string, origin: string, ttlMs?: number): string {
    const id = randomId();
    const name = sanitizeFileName(fileName);
    if (!this.files.set(id, { bytes, contentType, fileName: name }, ttlMs)) {
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
