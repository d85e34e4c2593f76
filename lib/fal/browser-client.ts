import { createFalClient, withMiddleware, withProxy } from "@fal-ai/client";
import { visitorKeyMiddleware } from "@/lib/access/visitor-key-store";
import { ENDPOINT_ID } from "./input-schema";

/** Every browser call goes through our proxy route; the key stays on the server. */
export const PROXY_PATH = "/api/fal/proxy";

// The proxy rewrite runs first, so the visitor's key is only ever added to calls to our own proxy.
export const falClient = createFalClient({
  requestMiddleware: withMiddleware(withProxy({ targetUrl: PROXY_PATH }), visitorKeyMiddleware(PROXY_PATH)),
});

/**
 * Typed as a plain string on purpose: the client's generated types for this id describe another
 * endpoint's IP-adapter and ControlNet shapes (fal-reference §1), so our own schema types are used.
 */
export const endpointId: string = ENDPOINT_ID;
