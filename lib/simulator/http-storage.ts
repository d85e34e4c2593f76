import "server-only";
import { z } from "zod";
import { FAL_STORAGE_TYPE } from "@/lib/fal/endpoint";
import { lifecycleSeconds, REQUEST_HEADERS } from "@/lib/fal/request-options";
import { falValidationBody } from "@/lib/fal/validation-error";
import { UNKNOWN_UPLOAD, UploadError, uploadTooLargeMessage } from "./file-store";
import { corsHeaders, json, readJson, requestOptionHeaders, type RouteHandler } from "./http-util";
import { declaredTooLarge } from "@/lib/http/read-limited";
import { clientKey } from "@/lib/security/client-key";
import { readUpload, type UploadRead } from "./upload-body";

export { uploadTooLargeMessage } from "./file-store";

/** A MIME type on one line: it becomes the Content-Type the file is served with. */
const CONTENT_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;\s*[\w!#$&^.+-]+=("[^"\x00-\x1f\x7f]*"|[\w!#$&^.+-]+))*$/;

const initiateSchema = z.object({
  content_type: z
    .string({ error: "content_type must be text." })
    .max(255, "content_type must be at most 255 characters.")
    .regex(CONTENT_TYPE, "content_type must be a MIME type such as image/png, on one line.")
    .default("application/octet-stream"),
  file_name: z
    .string({ error: "file_name must be text." })
    .max(1024, "file_name must be at most 1024 characters.")
    .default("file"),
});

export const initiateUpload: RouteHandler = async ({ request, url, simulator, origin, client }) => {
  const storageType = url.searchParams.get("storage_type");
  if (storageType !== null && storageType !== FAL_STORAGE_TYPE) {
    const detail = [
      { loc: ["query", "storage_type"], msg: `Only ${FAL_STORAGE_TYPE} storage is simulated.`, type: "enum" },
    ];
    return json({ detail }, 422);
  }
  const body = await readJson(request, 64 * 1024);
  if (!body.ok) return body.response;
  const parsed = initiateSchema.safeParse(body.value);
  if (!parsed.success) return json(falValidationBody(parsed.error), 422);
  const lifetime = requestOptionHeaders(request.headers, [REQUEST_HEADERS.uploadLifecycle]);
  if (!lifetime.ok) return lifetime.response;
  const seconds = lifecycleSeconds(lifetime.values[REQUEST_HEADERS.uploadLifecycle] ?? null);
  return json(simulator.files.initiate(parsed.data, origin, client, seconds && seconds * 1000));
};

export const initiateMultipartUpload: RouteHandler = () =>
  json({ detail: "Multipart uploads (files over 90 MiB) are not supported by the simulator." }, 413);

const STALLED = "The upload stopped sending; nothing was stored. Upload the file again.";
const UPLOADS_BUSY =
  "The simulator is receiving as many uploads as it holds at once; nothing was stored. Try again in a few seconds.";
/** Seconds a refused upload is asked to wait. */
const BUSY_RETRY_SECONDS = 5;

function declaredLength(headers: Headers): number | undefined {
  const declared = headers.get("content-length");
  const length = declared === null ? Number.NaN : Number(declared);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/**
 * Stores an upload whole or not at all: an unknown upload URL, a declared length over the limit or
 * one the uploads in flight have no room for is refused before any byte is read; a body that
 * stalls or ends short of its declared length is dropped, not stored.
 */
export const putUpload: RouteHandler = async ({ request, params: [token = ""], simulator }) => {
  const cors = corsHeaders(request);
  const closing = { ...cors, connection: "close" };
  const limit = simulator.files.maxUploadBytes;
  const tooLarge = () => json({ detail: uploadTooLargeMessage(limit) }, 413, closing);
  if (!simulator.files.isPending(token)) return json({ detail: UNKNOWN_UPLOAD }, 404, closing);
  if (declaredTooLarge(request.headers, limit)) return tooLarge();
  const declared = declaredLength(request.headers);
  const release = simulator.uploadsInFlight.reserve(
    clientKey(request.headers, simulator.trustProxy),
    declared ?? limit,
  );
  if (!release) {
    return json({ detail: UPLOADS_BUSY }, 503, { ...closing, "retry-after": String(BUSY_RETRY_SECONDS) });
  }
  let read: UploadRead;
  try {
    read = await readUpload(request.body, limit, simulator.uploadIdleMs);
  } finally {
    release();
  }
  if (!read.ok && read.reason === "too-large") return tooLarge();
  if (!read.ok) {
    const idle = simulator.uploadIdleMs / 1000;
    console.warn(`PUT ${new URL(request.url).pathname}: dropped an upload that sent nothing for ${idle} s.`);
    return json({ detail: STALLED }, 408, closing);
  }
  const { bytes } = read;
  if (declared !== undefined && declared !== bytes.byteLength) {
    return json(
      {
        detail: `The upload ended after ${bytes.byteLength} of ${declared} bytes; nothing was stored. Upload the file again.`,
      },
      400,
      cors,
    );
  }
  try {
    simulator.files.put(token, bytes, request.headers.get("content-type"));
  } catch (error) {
    if (error instanceof UploadError) return json({ detail: error.message }, error.status, cors);
    throw error;
  }
  return new Response(null, { status: 200, headers: cors });
};

export const getFile: RouteHandler = ({ request, params: [id = ""], simulator }) => {
  const cors = corsHeaders(request);
  const file = simulator.files.get(id);
  if (!file) return json({ detail: "Not found" }, 404, cors);
  return new Response(request.method === "HEAD" ? null : new Uint8Array(file.bytes), {
    headers: {
      ...cors,
      "content-type": file.contentType,
      "content-length": String(file.bytes.byteLength),
      "content-disposition": `inline; filename="${file.fileName}"`,
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
};

export const preflight: RouteHandler = ({ request }) =>
  new Response(null, { status: 204, headers: corsHeaders(request) });
