import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isPrivateAddress, PrivateAddressError, publicOnlyFetch } from "./public-fetch";

describe("isPrivateAddress", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.100.100.200", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254"])(
    "%s is private",
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"])("%s is public", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );
});

describe("publicOnlyFetch", () => {
  let hits = 0;
  const listener = createServer((request, response) => {
    hits += 1;
    response.end("reached");
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    port = (listener.address() as AddressInfo).port;
  });
  afterAll(() => listener.close());

  it("refuses a loopback or metadata target before any request", async () => {
    const guarded = publicOnlyFetch(fetch);
    await expect(guarded(`http://127.0.0.1:${port}/x`)).rejects.toBeInstanceOf(PrivateAddressError);
    await expect(guarded("http://169.254.169.254/latest/meta-data/")).rejects.toBeInstanceOf(PrivateAddressError);
    await expect(guarded(`http://[::1]:${port}/x`)).rejects.toBeInstanceOf(PrivateAddressError);
    expect(hits).toBe(0);
  });

  it("refuses a public name that resolves to a private address", async () => {
    const guarded = publicOnlyFetch(fetch, async () => ["10.0.0.5"]);
    await expect(guarded("https://images.example.com/a.png")).rejects.toBeInstanceOf(PrivateAddressError);
  });

  it("checks every redirect, so a public host cannot bounce the request inward", async () => {
    const inner = vi.fn(async (url: string | URL | Request) =>
      String(url).startsWith("https://public.example")
        ? new Response(null, { status: 302, headers: { location: `http://127.0.0.1:${port}/x` } })
        : new Response("inner"),
    );
    const guarded = publicOnlyFetch(inner as typeof fetch, async () => ["93.184.216.34"]);
    await expect(guarded("https://public.example/a.png")).rejects.toBeInstanceOf(PrivateAddressError);
    expect(inner).toHaveBeenCalledTimes(1);
    expect(hits).toBe(0);
  });

  it("lets a public host through and follows its redirects", async () => {
    const inner = vi.fn(async (url: string | URL | Request) =>
      String(url).endsWith("/old") ? new Response(null, { status: 301, headers: { location: "/new" } }) : new Response("image"),
    );
    const guarded = publicOnlyFetch(inner as typeof fetch, async () => ["93.184.216.34"]);
    const response = await guarded("https://cdn.example/old");
    expect(await response.text()).toBe("image");
    expect(inner.mock.calls.map(([url]) => String(url))).toEqual(["https://cdn.example/old", "https://cdn.example/new"]);
  });
});
