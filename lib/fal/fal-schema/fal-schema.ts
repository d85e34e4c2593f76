import { ENDPOINT_ID } from "@/lib/fal/endpoint";
import { isRecord } from "@/lib/json/is-record";
import { type SchemaNode, toSchemaNode } from "./schema-tree";
import snapshot from "./snapshot.json";

/** Where the committed snapshot came from and when it was read (snapshot.json's `source`). */
export const snapshotSource = snapshot.source;

/** fal's input schema of this endpoint as the committed snapshot has it. */
export function snapshotSchema(): SchemaNode {
  const schemas: Record<string, unknown> = snapshot.schemas;
  return toSchemaNode({ $ref: snapshot.root }, (ref) => schemas[ref]);
}

/** fal's models API, which answers an endpoint's OpenAPI document (docs/fal.md#input-schema). */
export const LIVE_OPENAPI_URL = `https://api.fal.ai/v1/models?endpoint_id=${ENDPOINT_ID}&expand=openapi-3.0`;

export type OpenApiReading = { ok: true; schema: SchemaNode } | { ok: false; reason: string };

/** The OpenAPI document in an answer of fal's models API (`{models: [{endpoint_id, openapi}]}`), or the document itself. */
function openApiDocument(answer: unknown, endpointId: string): Record<string, unknown> | undefined {
  if (isRecord(answer) && Array.isArray(answer.models)) {
    const model = answer.models.find((item) => isRecord(item) && item.endpoint_id === endpointId);
    return isRecord(model) && isRecord(model.openapi) ? model.openapi : undefined;
  }
  return isRecord(answer) && isRecord(answer.paths) ? answer : undefined;
}

/** `#/components/schemas/LoraWeight` → that schema. */
function pointerResolver(document: Record<string, unknown>) {
  return (ref: string): unknown => {
    if (!ref.startsWith("#/")) return undefined;
    return ref
      .slice(2)
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((node, part) => (isRecord(node) ? node[part] : undefined), document);
  };
}

/** The input schema of the endpoint's submit (its POST body) in an OpenAPI document or a models API answer. */
export function readOpenApiInput(answer: unknown, endpointId: string = ENDPOINT_ID): OpenApiReading {
  const document = openApiDocument(answer, endpointId);
  if (!document || !isRecord(document.paths))
    return { ok: false, reason: `The answer holds no OpenAPI document for ${endpointId}.` };
  const operation = Object.entries(document.paths).find(([path]) => path.replace(/^\//, "") === endpointId)?.[1];
  const post = isRecord(operation) ? operation.post : undefined;
  const content = isRecord(post) && isRecord(post.requestBody) ? post.requestBody.content : undefined;
  const json = isRecord(content) ? content["application/json"] : undefined;
  if (!isRecord(json) || json.schema === undefined)
    return { ok: false, reason: `The OpenAPI document has no JSON request body for POST /${endpointId}.` };
  return { ok: true, schema: toSchemaNode(json.schema, pointerResolver(document)) };
}
