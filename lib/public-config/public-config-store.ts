import { PUBLIC_CONFIG_PATH, type PublicConfig, publicConfigFromCookies, readPublicConfig } from "./public-config";

/** Waits between attempts when the server cannot be asked (offline, restarting): the last one repeats. */
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 15_000];

/** Read once: the cookie came with this page's answer and changes only with the next page. */
let fromCookie: { config: PublicConfig | undefined } | undefined;
let fetched: PublicConfig | undefined;
let fetching = false;
const listeners = new Set<() => void>();

function cookieConfig(): PublicConfig | undefined {
  fromCookie ??= { config: publicConfigFromCookies(document.cookie) };
  return fromCookie.config;
}

async function fetchConfig(): Promise<PublicConfig> {
  const response = await fetch(PUBLIC_CONFIG_PATH, { headers: { accept: "application/json" } });
  const read = response.ok ? readPublicConfig(await response.json()) : undefined;
  if (!read) throw new Error(`${PUBLIC_CONFIG_PATH} answered ${response.status}`);
  return read;
}

async function fetchUntilAnswered(): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      fetched = await fetchConfig();
      listeners.forEach((listener) => listener());
      return;
    } catch {
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 0;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** For useSyncExternalStore. Without the cookie (a browser that keeps none), the first subscriber asks the server. */
export function subscribePublicConfig(listener: () => void): () => void {
  listeners.add(listener);
  if (!cookieConfig() && !fetching) {
    fetching = true;
    void fetchUntilAnswered();
  }
  return () => listeners.delete(listener);
}

export function readPublicConfigSnapshot(): PublicConfig | undefined {
  return cookieConfig() ?? fetched;
}
