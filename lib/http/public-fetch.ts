import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";

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

const MAX_REDIRECTS = 3;

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

/**
 * A fetch that reaches only public addresses, at every redirect, so a deployed simulator cannot
 * be steered at internal services or cloud metadata by an image URL or a webhook. Literal
 * addresses are checked before the request, names when the connection is made.
 */
export function publicOnlyFetch(
  inner: typeof fetch = undiciFetch as unknown as typeof fetch,
  options: PublicFetchOptions = {},
): typeof fetch {
  const isAllowed = options.isAllowed ?? ((address: string) => !isPrivateAddress(address));
  const dispatcher = checkedConnections(options.resolve ?? resolveAll, isAllowed);
  return async (input, init) => {
    let url = new URL(input instanceof Request ? input.url : input);
    for (let hop = 0; ; hop++) {
      const host = url.hostname.replace(/^\[|\]$/g, "");
      if (isIP(host) && !isAllowed(host)) throw new PrivateAddressError(url.hostname);
      const response = await inner(url, { ...init, redirect: "manual", dispatcher } as RequestInit).catch(
        (error: unknown) => {
          // fetch reports a refused connection as "fetch failed"; the reason is its cause.
          throw error instanceof Error && error.cause instanceof PrivateAddressError ? error.cause : error;
        },
      );
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return response;
      await response.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) throw new Error(`More than ${MAX_REDIRECTS} redirects.`);
      url = new URL(location, url);
    }
  };
}
