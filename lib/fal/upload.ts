import { FILE_LIFETIMES } from "@/lib/fal/request-options";
import { requestOptionsStore } from "@/lib/request-options/stored-options";

export type UploadProgress = (fraction: number) => void;

function headersOf(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr
    .getAllResponseHeaders()
    .trim()
    .split(/[\r\n]+/)) {
    const at = line.indexOf(":");
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return headers;
}

/** fetch's uploads report no progress; the storage PUT goes through XMLHttpRequest, whose do. */
function progressFetch(onProgress: UploadProgress): typeof fetch {
  return (input, init) => {
    if (init?.method !== "PUT" || !(init.body instanceof Blob)) return fetch(input, init);
    const body = init.body;
    return new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("PUT", input instanceof Request ? input.url : String(input));
      new Headers(init.headers).forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.responseType = "arraybuffer";
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onload = () =>
        resolve(new Response(xhr.response as ArrayBuffer, { status: xhr.status, headers: headersOf(xhr) }));
      xhr.onerror = () => reject(new TypeError("The upload failed: network error."));
      xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
      xhr.send(body);
    });
  };
}

/**
 * Uploads a file through fal.storage (via the proxy) and resolves to the URL fal will read it from,
 * kept as long as the Request group says (fal-js's `lifecycle`: X-Fal-Object-Lifecycle on the
 * initiate). The fal client loads with the first upload (or run), not with the page.
 */
export async function uploadFile(file: File, onProgress: UploadProgress): Promise<string> {
  const { createPlaygroundClient } = await import("./browser-client");
  const { fileLifetime } = requestOptionsStore.effective();
  const lifecycle = fileLifetime === "default" ? undefined : { expiresIn: FILE_LIFETIMES[fileLifetime] };
  return createPlaygroundClient({ fetch: progressFetch(onProgress) }).storage.upload(file, lifecycle && { lifecycle });
}
