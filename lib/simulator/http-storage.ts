import "server-only";
import { z } from "zod";
import { FAL_STORAGE_TYPE } from "@/lib/fal/endpoint";
import { lifecycleSeconds, REQUEST_HEADERS } from "@/lib/fal/request-options";
import { falValidationBody } from "@/lib/fal/validation-error";
import { UNKNOWN_UPLOAD, UploadError, uploadTooLargeMessage } from "./file-store";
import { corsHeaders, json, readJson, requestOptionHeaders, type RouteHandler } from "./http-util";
import { declaredTooLarge, readLimited } from "@/lib/http/read-limited";

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

const CUT_OFF = "The upload was cut off before its end; nothing was stored. Upload the file again.";

/**
 * Stores an upload whole or not at all: an unknown upload URL or a declared length over the limit
 * is refused before any byte is read, and a body that ends short of its declared length is
 * refused, not stored.
 */
export const putUpload: RouteHandler = async ({ request, params: [token = ""], simulator }) => {
  const cors = corsHeaders(request);
  const limit = simulator.files.maxUploadBytes;
  const tooLarge = () => json({ detail: uploadTooLargeMessage(limit) }, 413, { ...cors, connection: "close" });
  if (!simulator.files.isPending(token)) return json({ detail: UNKNOWN_UPLOAD }, 404, { ...cors, connection: "close" });
  if (declaredTooLarge(request.headers, limit)) return tooLarge();
  let bytes: Buffer | null;
  try {
    bytes = await readLimited(request.body, limit);
  } catch {
    return json({ detail: CUT_OFF }, 400, cors);
  }
  if (!bytes) return tooLarge();
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) !== bytes.byteLength) {
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
