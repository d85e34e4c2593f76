import type { FalValidationBody } from "@/lib/fal/validation-error";

/** The proxy's one error shape: fal's own `{detail}` body, never a stack trace or a secret. */
export function errorResponse(status: number, detail: FalValidationBody["detail"], headers?: HeadersInit): Response {
  return Response.json({ detail }, { status, headers });
}
