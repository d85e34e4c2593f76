/**
 * The headers fal sends with an error answer (docs/fal.md#errors): `X-Fal-Retryable` with model
 * errors, `X-Fal-Error-Type` with request errors. The fal client keeps only an error's body, so they
 * are noted here against that body as it is read, and looked up by it later.
 */
export type FalErrorHeaders = { retryable?: boolean; errorType?: string };

const RETRYABLE_HEADER = "x-fal-retryable";
const ERROR_TYPE_HEADER = "x-fal-error-type";

const noted = new WeakMap<object, FalErrorHeaders>();

function readHeaders(headers: Headers): FalErrorHeaders | undefined {
  const retryable = headers.get(RETRYABLE_HEADER)?.trim().toLowerCase();
  const errorType = headers.get(ERROR_TYPE_HEADER)?.trim() || undefined;
  const found: FalErrorHeaders = {
    ...(retryable === "true" || retryable === "false" ? { retryable: retryable === "true" } : {}),
    ...(errorType ? { errorType } : {}),
  };
  return Object.keys(found).length > 0 ? found : undefined;
}

/** A fetch whose error answers' bodies remember fal's error headers (read them with `falErrorHeaders`). */
export function withFalErrorHeaders(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    const headers = response.ok ? undefined : readHeaders(response.headers);
    if (!headers) return response;
    const read = response.json.bind(response);
    Object.defineProperty(response, "json", {
      configurable: true,
      value: async () => {
        const body: unknown = await read();
        if (typeof body === "object" && body !== null) noted.set(body, headers);
        return body;
      },
    });
    return response;
  };
}

/** The error headers that came with this error body, if any. */
export function falErrorHeaders(body: unknown): FalErrorHeaders {
  return (typeof body === "object" && body !== null && noted.get(body)) || {};
}
