/**
 * Where fal serves result images and uploaded files (docs/fal.md#media-hosts): fal.media and its
 * subdomains (v3.fal.media, v3b.fal.media …), and, for older results, a Google Cloud Storage bucket.
 */
export const FAL_MEDIA_SOURCES = [
  "https://fal.media",
  "https://*.fal.media",
  "https://storage.googleapis.com/falserverless/",
] as const;

/** True for an https URL on one of fal's media hosts (no other port, no credentials in it). */
export function isFalMediaUrl(url: URL): boolean {
  if (url.protocol !== "https:" || url.port !== "" || url.username !== "" || url.password !== "") return false;
  const host = url.hostname.toLowerCase();
  if (host === "fal.media" || host.endsWith(".fal.media")) return true;
  return host === "storage.googleapis.com" && url.pathname.startsWith("/falserverless/");
}
