/** `data:<type>/<subtype>[;<param>…];base64,<data>`, with the media type and the data captured. */
function base64DataUri(type: string): RegExp {
  return new RegExp(`^data:(${type}\\/[\\w.+-]+)(?:;[\\w=.+-]+)*;base64,([A-Za-z0-9+/=\\s]+)$`, "i");
}

const BASE64_DATA_URI = base64DataUri("[\\w.+-]+");

/** A base64 data URI of an image: the inline image bytes the endpoint takes (docs/fal.md#input). */
export const IMAGE_DATA_URI = base64DataUri("image");

export type DataUri = { mediaType: string; base64: string };

export function isDataUri(url: string): boolean {
  return /^data:/i.test(url);
}

/** The media type and base64 data of a base64 data URI; undefined for anything else. */
export function parseDataUri(url: string): DataUri | undefined {
  const match = BASE64_DATA_URI.exec(url);
  if (!match) return undefined;
  const [, mediaType = "", base64 = ""] = match;
  return { mediaType, base64: base64.replace(/\s+/g, "") };
}
