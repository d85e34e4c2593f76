import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import { serverEnv } from "@/lib/env";

/** Thrown for a URL on a loopback, private, link-local or metadata address. */
export class PrivateAddressError extends Error {
  constructor(host: string) {
    super(`${host} is a private or local network address, which is not fetched from here.`);
    this.name = "PrivateAddressError";
  }
}

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, "ipv4");
  const family = isIP(address);
  return family === 4 ? blocked.check(address, "ipv4") : family === 6 ? blocked.check(address, "ipv6") : true;
}

type Resolve = (host: string) => Promise<string[]>;
type LookupCallback = (
  error: Error | null,
  address: string | { address: string; family: number }[],
  family?: number,
) => void;

const resolveAll: Resolve = async (host) => (await lookup(host, { all: true })).map((entry) => entry.address);

const MAX_REDIRECTS = 5;

export type PublicFetchOptions = {
  /** How names are resolved (tests give fixed answers). */
  resolve?: Resolve;
  /** Which addresses may be reached; tests may allow loopback to watch where a request lands. */
  isAllowed?: (address: string) => boolean;
};

/**
 * Connections whose name is resolved once, checked, and connected to that very address: fetch
 * never resolves the name again, so a name cannot answer public to the check and private to the
 * connection (DNS rebinding).
 */
function checkedConnections(resolve: Resolve, isAllowed: (address: string) => boolean): Agent {
  const pinnedLookup = (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    resolve(hostname).then(
      (addresses) => {
        const [address] = addresses;
        if (!address || !addresses.every(isAllowed)) return callback(new PrivateAddressError(hostname), []);
        const family = isIP(address);
        if (options.all) callback(null, [{ address, family }]);
        else callback(null, address, family);
      },
      (error: Error) => callback(error, []),
    );
  };
  return new Agent({ connect: { lookup: pinnedLookup as never } });
}

/** Thrown by a guarded fetch when a body passes its byte bound. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The answer is larger than ${maxBytes} bytes.`);
    this.name = "BodyTooLargeError";
  }
}

/** Thrown when a request, or one of its redirects, leaves the URLs its caller allowed. */
export class RefusedUrlError extends Error {
  constructor(readonly url: URL) {
    super(`${url.host} is not a host this request may reach.`);
    this.name = "RefusedUrlError";
  }
}

/** A request's own bounds; the guard's defaults apply where it gives none. */
export type GuardedInit = RequestInit & {
  /** Bytes of body the caller may read at most: a larger declared length throws, a longer body errors. */
  maxBytes?: number;
  /** The whole exchange (every redirect and the body) ends by then, with a TimeoutError. */
  timeoutMs?: number;
  /** The only URLs this request may reach, checked at every hop: a redirect elsewhere throws RefusedUrlError. */
  allowUrl?: (url: URL) => boolean;
};

/** What every server-side fetch of a visitor-given URL goes through. */
export type GuardedFetch = (url: string | URL, init?: GuardedInit) => Promise<Response>;

export type GuardOptions = PublicFetchOptions & {
  /** Lifts the address rule (ALLOW_PRIVATE_URLS=1): for tests and self-hosted setups. */
  allowPrivate?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
};

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;

/** The body as it arrives, erroring once it passes `maxBytes`. */
function boundedBody(body: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  let total = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > maxBytes) controller.error(new BodyTooLargeError(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** A redirect that fetch would follow with GET and no body (anything but 307 and 308). */
function redirectInit(status: number, init: RequestInit): RequestInit {
  if (status === 307 || status === 308) return init;
  const headers = new Headers(init.headers);
  headers.delete("content-type");
  headers.delete("content-length");
  return { ...init, body: undefined, method: "GET", headers };
}

/**
 * The one guard for server-side fetches of URLs a visitor gave (simulator images and webhooks,
 * LoRA headers, share previews): only public addresses, at every redirect, with names resolved
 * once and connected to that very address (no DNS rebinding); at most a few redirects; the body
 * bounded in bytes and the whole exchange in time. Literal addresses are checked before the
 * request, names when the connection is made.
 */
export function createPublicFetch(
  inner: typeof fetch = undiciFetch as unknown as typeof fetch,
  options: GuardOptions = {},
): GuardedFetch {
  const isAllowed = options.allowPrivate
    ? () => true
    : (options.isAllowed ?? ((address: string) => !isPrivateAddress(address)));
  const dispatcher = checkedConnections(options.resolve ?? resolveAll, isAllowed);
  return async (input, init = {}) => {
    const {
      maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES,
      timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      allowUrl,
    } = init;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    let url = new URL(input);
    let hopInit: RequestInit = { ...init, signal, redirect: "manual" };
    delete (hopInit as GuardedInit).maxBytes;
    delete (hopInit as GuardedInit).timeoutMs;
    delete (hopInit as GuardedInit).allowUrl;
    for (let hop = 0; ; hop++) {
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new Error(`${url.protocol} URLs are not fetched.`);
      if (allowUrl && !allowUrl(url)) throw new RefusedUrlError(url);
      const host = url.hostname.replace(/^\[|\]$/g, "");
      if (isIP(host) && !isAllowed(host)) throw new PrivateAddressError(url.hostname);
      const response = await inner(url, { ...hopInit, dispatcher } as RequestInit).catch((error: unknown) => {
        // fetch reports a refused connection as "fetch failed"; the reason is its cause.
        throw error instanceof Error && error.cause instanceof PrivateAddressError ? error.cause : error;
      });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => undefined);
        if (hop >= MAX_REDIRECTS) throw new Error(`More than ${MAX_REDIRECTS} redirects.`);
        url = new URL(location, url);
        hopInit = redirectInit(response.status, hopInit);
        continue;
      }
      const declared = Number(response.headers.get("content-length") ?? "");
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new BodyTooLargeError(maxBytes);
      }
      if (!response.body) return response;
      return new Response(boundedBody(response.body, maxBytes), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    }
  };
}

let serverGuard: GuardedFetch | undefined;

/** The server's guard, with the address rule as the environment sets it (ALLOW_PRIVATE_URLS). */
export function serverPublicFetch(): GuardedFetch {
  serverGuard ??= createPublicFetch(undefined, { allowPrivate: serverEnv().ALLOW_PRIVATE_URLS });
  return serverGuard;
}
