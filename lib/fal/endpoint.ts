/** Where this playground's endpoint lives on fal (docs/fal.md#queue-protocol, #storage-uploads). */

/** Submit uses the full endpoint id. */
export const ENDPOINT_ID = "fal-ai/lora/image-to-image";
/** Status, result and cancel use the app id without the path. */
export const APP_ID = "fal-ai/lora";

export const FAL_QUEUE_HOST = "queue.fal.run";
/** The host that starts storage uploads. */
export const FAL_REST_HOST = "rest.fal.ai";
/** The host of fal's Platform APIs: prices and estimates (docs/fal.md#pricing). */
export const FAL_API_HOST = "api.fal.ai";
/** The only storage the client uploads to (`?storage_type=`). */
export const FAL_STORAGE_TYPE = "fal-cdn-v3";

export const SUBMIT_URL = `https://${FAL_QUEUE_HOST}/${ENDPOINT_ID}`;

/** Where one request's status (`/status`), result and cancel (`/cancel`) live. */
export function requestUrl(requestId: string): string {
  return `https://${FAL_QUEUE_HOST}/${APP_ID}/requests/${requestId}`;
}

/** This endpoint's unit price (`GET`), and the estimate of calls to it (`POST`). */
export const PRICING_URL = `https://${FAL_API_HOST}/v1/models/pricing?endpoint_id=${encodeURIComponent(ENDPOINT_ID)}`;
export const PRICING_ESTIMATE_URL = `https://${FAL_API_HOST}/v1/models/pricing/estimate`;
