import type { RequestMiddleware } from "@fal-ai/client";
import { VISITOR_KEY_HEADER, VISITOR_KEY_STORAGE } from "./visitor-key";

/** The visitor's own fal key, for this tab only: sessionStorage is dropped when the tab closes. */
export function readVisitorKey(): string | undefined {
  if (typeof window === "undefined") return undefined;
  try {
    return window.sessionStorage.getItem(VISITOR_KEY_STORAGE) ?? undefined;
  } catch {
    return undefined;
  }
}

const listeners = new Set<() => void>();

export function saveVisitorKey(key: string | undefined): void {
  if (key) window.sessionStorage.setItem(VISITOR_KEY_STORAGE, key);
  else window.sessionStorage.removeItem(VISITOR_KEY_STORAGE);
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: tells React when the saved key changes. */
export function subscribeVisitorKey(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Adds the visitor's key to calls addressed to our proxy, and to nothing else. */
export function visitorKeyMiddleware(proxyPath: string): RequestMiddleware {
  return async (request) => {
    const key = readVisitorKey();
    if (!key || request.url !== proxyPath) return request;
    return { ...request, headers: { ...request.headers, [VISITOR_KEY_HEADER]: key } };
  };
}
