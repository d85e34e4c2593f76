import { createFalClient } from "@fal-ai/client";
import { ENDPOINT_ID } from "./input-schema";

/** Every browser call goes through our proxy route; the key stays on the server. */
export const PROXY_PATH = "/api/fal/proxy";

export const falClient = createFalClient({ proxyUrl: PROXY_PATH });

/**
 * Typed as a plain string on purpose: the client's generated types for this id describe another
 * endpoint's IP-adapter and ControlNet shapes (fal-reference §1), so our own schema types are used.
 */
export const endpointId: string = ENDPOINT_ID;
