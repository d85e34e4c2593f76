import { createFalClient, withMiddleware, withProxy } from "@fal-ai/client";
import { visitorKeyMiddleware } from "@/lib/access/visitor-key-store";
import { ENDPOINT_ID } from "./endpoint";

/** Every browser call goes through our proxy route; the key stays on the server. */
export const PROXY_PATH = "/api/fal/proxy";

/**
 * How this page addresses fal: every call through our proxy, with the visitor's own key when they
 * gave one. The proxy rewrite runs first, so that key is only ever added to calls to our proxy.
 */
export const playgroundMiddleware = withMiddleware(
  withProxy({ targetUrl: PROXY_PATH }),
  visitorKeyMiddleware(PROXY_PATH),
);

/** A fal client of this page (see `playgroundMiddleware`). */
export function createPlaygroundClient(options: { fetch?: typeof fetch } = {}) {
  return createFalClient({ ...options, requestMiddleware: playgroundMiddleware });
}

export const falClient = createPlaygroundClient();

/**
 * Typed as a plain string on purpose: the client's generated types for this id describe another
 * endpoint's IP-adapter and ControlNet shapes (docs/fal.md#input), so our own schema types are used.
 */
export const endpointId: string = ENDPOINT_ID;
