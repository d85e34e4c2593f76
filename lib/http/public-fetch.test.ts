import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  BodyTooLargeError,
  createPublicFetch,
  isPrivateAddress,
  PrivateAddressError,
  RefusedUrlError,
} from "./public-fetch";

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

describe("createPublicFetch", () => {
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
    const guarded = createPublicFetch();
    await expect(guarded(`http://127.0.0.1:${port}/x`)).rejects.toBeInstanceOf(PrivateAddressError);
    await expect(guarded("http://169.254.169.254/latest/meta-data/")).rejects.toBeInstanceOf(PrivateAddressError);
    await expect(guarded(`http://[::1]:${port}/x`)).rejects.toBeInstanceOf(PrivateAddressError);
    expect(hits).toEqual([]);
  });

  it("refuses a public name that resolves to a private address, when it connects", async () => {
    const guarded = createPublicFetch(undefined, { resolve: async () => ["127.0.0.1"] });
    await expect(guarded(`http://images.example:${port}/a.png`)).rejects.toBeInstanceOf(PrivateAddressError);
    expect(hits).toEqual([]);
  });

  it("connects to the very address it checked: a name is resolved once, so it cannot rebind", async () => {
    // The first answer is allowed (loopback stands in for a public host here), any later one is not.
    const answers = ["127.0.0.1", "127.0.0.2"];
    const resolve = vi.fn(async () => [answers.shift() ?? "127.0.0.2"]);
    const guarded = createPublicFetch(undefined, { resolve, isAllowed: (address) => address === "127.0.0.1" });
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
    const guarded = createPublicFetch(inner as typeof fetch, { resolve: async () => ["93.184.216.34"] });
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
    const guarded = createPublicFetch(inner as typeof fetch, { resolve: async () => ["93.184.216.34"] });
    const response = await guarded("https://cdn.example/old");
    expect(await response.text()).toBe("image");
    expect(inner.mock.calls.map(([url]) => String(url))).toEqual([
      "https://cdn.example/old",
      "https://cdn.example/new",
    ]);
  });
});

describe("the guard's bounds", () => {
  const publicName = { resolve: async () => ["93.184.216.34"] };

  it("refuses a declared length over the bound before reading, and errors a longer body as it streams", async () => {
    const declared = createPublicFetch(
      async () => new Response("x".repeat(10), { headers: { "content-length": "10" } }),
      publicName,
    );
    await expect(declared("https://cdn.example/a", { maxBytes: 5 })).rejects.toBeInstanceOf(BodyTooLargeError);

    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(1024)),
    });
    const streamed = createPublicFetch(async () => new Response(endless), publicName);
    const response = await streamed("https://cdn.example/b", { maxBytes: 4096 });
    await expect(response.arrayBuffer()).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("ends the exchange at the time bound, and a body still arriving then with it", async () => {
    const hanging = createPublicFetch(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
        ),
      publicName,
    );
    await expect(hanging("https://slow.example/a", { timeoutMs: 50 })).rejects.toMatchObject({ name: "TimeoutError" });

    // A body that never ends: the inner fetch ties it to the signal, as undici does.
    const trickling = createPublicFetch(async (_url, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(8));
          init?.signal?.addEventListener("abort", () => controller.error(init.signal?.reason));
        },
      });
      return new Response(body);
    }, publicName);
    const response = await trickling("https://slow.example/b", { timeoutMs: 50 });
    await expect(response.arrayBuffer()).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("follows a 302 after a POST with GET and no body, as fetch does, and keeps a 307's method", async () => {
    const calls: { url: string; method?: string; body?: unknown }[] = [];
    const guarded = createPublicFetch(async (url, init) => {
      calls.push({ url: String(url), method: init?.method, body: init?.body });
      if (String(url).endsWith("/found")) return new Response(null, { status: 302, headers: { location: "/next" } });
      if (String(url).endsWith("/temporary"))
        return new Response(null, { status: 307, headers: { location: "/next" } });
      return new Response("ok");
    }, publicName);
    await guarded("https://hooks.example/found", { method: "POST", body: "{}" });
    await guarded("https://hooks.example/temporary", { method: "POST", body: "{}" });
    expect(calls).toEqual([
      { url: "https://hooks.example/found", method: "POST", body: "{}" },
      { url: "https://hooks.example/next", method: "GET", body: undefined },
      { url: "https://hooks.example/temporary", method: "POST", body: "{}" },
      { url: "https://hooks.example/next", method: "POST", body: "{}" },
    ]);
  });

  it("refuses other schemes, even at a redirect", async () => {
    const guarded = createPublicFetch(
      async () => new Response(null, { status: 302, headers: { location: "file:///etc/passwd" } }),
      publicName,
    );
    await expect(guarded("https://cdn.example/a")).rejects.toThrow("file: URLs are not fetched.");
  });

  it("keeps a request to the URLs its caller allows, at every redirect", async () => {
    const inner = vi.fn(async (url: string | URL | Request) =>
      String(url).includes("cdn.example")
        ? new Response(null, { status: 302, headers: { location: "https://elsewhere.example/a" } })
        : new Response("elsewhere"),
    );
    const guarded = createPublicFetch(inner as typeof fetch, publicName);
    const allowUrl = (url: URL) => url.hostname === "cdn.example";
    await expect(guarded("https://elsewhere.example/a", { allowUrl })).rejects.toBeInstanceOf(RefusedUrlError);
    expect(inner).not.toHaveBeenCalled();
    await expect(guarded("https://cdn.example/a", { allowUrl })).rejects.toBeInstanceOf(RefusedUrlError);
    expect(inner.mock.calls.map(([url]) => String(url))).toEqual(["https://cdn.example/a"]);
  });

  it("reaches loopback only when the address rule is lifted", async () => {
    const inner = vi.fn(async () => new Response("local"));
    await expect(createPublicFetch(inner)("http://127.0.0.1:9/x")).rejects.toBeInstanceOf(PrivateAddressError);
    const lifted = createPublicFetch(inner, { allowPrivate: true });
    expect(await (await lifted("http://127.0.0.1:9/x")).text()).toBe("local");
  });
});
