import "server-only";
import { z } from "zod";
import { FAL_STORAGE_TYPE } from "@/lib/fal/endpoint";
import { falValidationBody } from "@/lib/fal/validation-error";
import { UploadError } from "./file-store";
import { corsHeaders, json, readJson, type RouteHandler } from "./http-util";
import { declaredTooLarge, MiB, readLimited } from "@/lib/http/read-limited";

const initiateSchema = z.object({
  content_type: z.string({ error: "content_type must be text." }).default("application/octet-stream"),
  file_name: z.string({ error: "file_name must be text." }).default("file"),
});

export const initiateUpload: RouteHandler = async ({ request, url, simulator, origin }) => {
  const storageType = url.searchParams.get("storage_type");
  if (storageType !== null && storageType !== FAL_STORAGE_TYPE) {
    const detail = [{ loc: ["query", "storage_type"], msg: `Only ${FAL_STORAGE_TYPE} storage is simulated.`, type: "enum" }];
    return json({ detail }, 422);
  }
  const body = await readJson(request, 64 * 1024);
  if (!body.ok) return body.response;
  const parsed = initiateSchema.safeParse(body.value);
  if (!parsed.success) return json(falValidationBody(parsed.error), 422);
  return json(simulator.files.initiate(parsed.data, origin));
};

export const initiateMultipartUpload: RouteHandler = () =>
  json({ detail: "Multipart uploads (files over 90 MiB) are not supported by the simulator." }, 413);

export const putUpload: RouteHandler = async ({ request, params: [token = ""], simulator }) => {
  const cors = corsHeaders(request);
  const limit = simulator.files.maxUploadBytes;
  const bytes = declaredTooLarge(request.headers, limit) ? null : await readLimited(request.body, limit);
  if (!bytes) return json({ detail: `Files over ${limit / MiB} MiB are not accepted.` }, 413, cors);
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

export const preflight: RouteHandler = ({ request }) => new Response(null, { status: 204, headers: corsHeaders(request) });
