import { describe, expect, it } from "vitest";
import { isRefusal, matchProxyTarget } from "./target";

const ID = "764cabcf-b745-4b3e-ae38-1200304cf45b";
const QUEUE = "https://queue.fal.run";

describe("matchProxyTarget lets through exactly this endpoint's calls", () => {
  it.each([
    ["POST", `${QUEUE}/fal-ai/lora/image-to-image`, "submit"],
    ["POST", `${QUEUE}/fal-ai/lora/image-to-image?fal_webhook=https%3A%2F%2Fexample.com%2Fhook`, "submit"],
    ["GET", `${QUEUE}/fal-ai/lora/requests/${ID}/status?logs=1`, "status"],
    ["GET", `${QUEUE}/fal-ai/lora/requests/${ID}/status?logs=0`, "status"],
    ["GET", `${QUEUE}/fal-ai/lora/requests/${ID}/status/stream?logs=1`, "status-stream"],
    ["GET", `${QUEUE}/fal-ai/lora/requests/${ID}`, "result"],
    ["PUT", `${QUEUE}/fal-ai/lora/requests/${ID}/cancel`, "cancel"],
    ["POST", "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3", "storage-initiate"],
  ])("%s %s → %s", (method, url, route) => {
    const match = matchProxyTarget(method, url);
    expect(isRefusal(match)).toBe(false);
    expect(match).toMatchObject({ route });
  });
});

describe("matchProxyTarget refuses everything else", () => {
  it.each([
    ["POST", null, 400],
    ["POST", "not a url", 400],
    ["POST", `${QUEUE}/fal-ai/flux/dev`, 403],
    ["POST", "https://fal.run/fal-ai/lora/image-to-image", 403],
    ["POST", `http://queue.fal.run/fal-ai/lora/image-to-image`, 403],
    ["POST", `https://queue.fal.run:8443/fal-ai/lora/image-to-image`, 403],
    ["POST", `https://user:pw@queue.fal.run/fal-ai/lora/image-to-image`, 403],
    ["POST", `https://queue.fal.run.evil.com/fal-ai/lora/image-to-image`, 403],
    ["GET", `${QUEUE}/fal-ai/lora/requests/${ID}/../../flux/dev`, 403],
    ["GET", `${QUEUE}/fal-ai/lora/requests/%2e%2e/status`, 403],
    ["GET", `${QUEUE}/fal-ai/lora/requests/${ID}/status?logs=1&x=2`, 403],
    ["POST", "https://rest.fal.ai/storage/upload/initiate-multipart?storage_type=fal-cdn-v3", 403],
    ["POST", "https://rest.fal.ai/storage/upload/initiate?storage_type=gcs", 403],
    ["DELETE", `${QUEUE}/fal-ai/lora/requests/${ID}`, 405],
    ["GET", `${QUEUE}/fal-ai/lora/image-to-image`, 405],
    ["POST", `${QUEUE}/fal-ai/lora/requests/${ID}/cancel`, 405],
  ])("%s %s → %i", (method, url, status) => {
    expect(matchProxyTarget(method, url)).toMatchObject({ status });
  });
});
