import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { isPrivateAddress, PrivateAddressError, publicOnlyFetch } from "./public-fetch";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.20.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.100.100.200",
    "0.0.0.0",
    "::1",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:169.254.169.254",
  ])("%s is private", (address) => expect(isPrivateAddress(address)).toBe(true));
  it.each(["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"])("%s is public", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );
});

describe("publicOnlyFetch", () => {
  const hits: string[] = [];
  const listener = createServer((request, response) => {
    hits.push(String(request.headers.host));
    response.end("reached");
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    port = (listener.address() as AddressInfo).port;
  });
  afterAll(() => listener.close());
  afterEach(() => {
    hits.length = 0;
  });

  it("refuses a loopback or metadata target before any request", async () => {
    const guarded = publicOnlyFetch();
    await expect(guarded(`http://127.0.0.1:${port}/x`)).rejects.toBeInstanceOf(PrivateAddressError);
    await expect(guarded("http://169.254.169.254/latest/meta-data/")).rejects.toBeInstanceOf(PrivateAddressError);
    await expect(guarded(`http://[::1]:${port}/x`)).rejects.toBeInstanceOf(PrivateAddressError);
    expect(hits).toEqual([]);
  });

  it("refuses a public name that resolves to a private address, when it connects", async () => {
    const guarded = publicOnlyFetch(undefined, { resolve: async () => ["127.0.0.1"] });
    await expect(guarded(`http://images.example:${port}/a.png`)).rejects.toBeInstanceOf(PrivateAddressError);
    expect(hits).toEqual([]);
  });

  it("connects to the very address it checked: a name is resolved once, so it cannot rebind", async () => {
    // The first answer is allowed (loopback stands in for a public host here), any later one is not.
    const answers = ["127.0.0.1", "127.0.0.2"];
    const resolve = vi.fn(async () => [answers.shift() ?? "127.0.0.2"]);
    const guarded = publicOnlyFetch(undefined, { resolve, isAllowed: (address) => address === "127.0.0.1" });
    const response = await guarded(`http://rebind.example:${port}/a.png`);
    expect(await response.text()).toBe("reached");
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(hits).toEqual([`rebind.example:${port}`]);
  });

  it("checks every redirect, so a public host cannot bounce the request inward", async () => {
    const inner = vi.fn(async (url: string | URL | Request) =>
      String(url).startsWith("https://public.example")
        ? new Response(null, { status: 302, headers: { location: `http://127.0.0.1:${port}/x` } })
        : new Response("inner"),
    );
    const guarded = publicOnlyFetch(inner as typeof fetch, { resolve: async () => ["93.184.216.34"] });
    await expect(guarded("https://public.example/a.png")).rejects.toBeInstanceOf(PrivateAddressError);
    expect(inner).toHaveBeenCalledTimes(1);
    expect(hits).toEqual([]);
  });

  it("lets a public host through and follows its redirects", async () => {
    const inner = vi.fn(async (url: string | URL | Request) =>
      String(url).endsWith("/old")
        ? new Response(null, { status: 301, headers: { location: "/new" } })
        : new Response("image"),
    );
    const guarded = publicOnlyFetch(inner as typeof fetch, { resolve: async () => ["93.184.216.34"] });
    const response = await guarded("https://cdn.example/old");
    expect(await response.text()).toBe("image");
    expect(inner.mock.calls.map(([url]) => String(url))).toEqual([
      "https://cdn.example/old",
      "https://cdn.example/new",
    ]);
  });
});
