/**
 * The header the server preload (server/http-limits.cjs) sets on every request to the address the
 * connection came from, replacing any the client sent. Only believed when that preload says it
 * runs in this process (PEER_ADDRESS_MARK), since without it a client could write the header.
 */
export const PEER_ADDRESS_HEADER = "x-playground-peer-address";
export const PEER_ADDRESS_MARK = Symbol.for("fal-lora-playground.peer-address");

/** A peer address as a bucket: IPv4 as it is (IPv4-mapped IPv6 too), IPv6 by its /64, where one host has many. */
function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::", 2);
  const headGroups = head ? head.split(":") : [];
  const tailGroups = address.includes("::") && tail ? tail.split(":") : [];
  const missing = Math.max(0, 8 - headGroups.length - tailGroups.length);
  const groups = [...headGroups, ...Array.from({ length: missing }, () => "0"), ...tailGroups];
  return `${groups.slice(0, 4).join(":")}::/64`;
}

function peerAddress(headers: Headers): string | undefined {
  const marked = (globalThis as Record<symbol, unknown>)[PEER_ADDRESS_MARK] === true;
  const address = marked ? headers.get(PEER_ADDRESS_HEADER)?.trim() : undefined;
  return address ? addressBucket(address) : undefined;
}

/**
 * The key a client is rate-limited under. Next keeps an `x-forwarded-for` the client sent, so the
 * header is only believed behind a reverse proxy the operator runs (TRUST_PROXY=1); then the last
 * entry is the one that proxy added. Otherwise the connection's own address, which the server
 * preload passes on; only without the preload (next dev) does every client share one bucket.
 */
export function clientKey(headers: Headers, trustProxy: boolean): string {
  if (!trustProxy) return peerAddress(headers) ?? "all-clients";
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops.at(-1) ?? "unknown-client";
}
