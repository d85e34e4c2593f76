import { afterEach, describe, expect, it } from "vitest";
import { handleSimulatorRequest } from "./http";
import type { Simulator } from "./simulator";
import { call, ORIGIN, testSimulator } from "./test-support";

let simulator: Simulator;
afterEach(() => simulator.dispose());

const local = (url: string) => new URL(url).pathname.replace("/api/simulator", "");

async function initiate(fileName = "photo.png", contentType = "image/png") {
  const response = await call(simulator, "POST", "/rest/storage/upload/initiate?storage_type=fal-cdn-v3", {
    json: { content_type: contentType, file_name: fileName },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { upload_url: string; file_url: string };
}

describe("storage", () => {
  it("stores an upload whole or not at all, and keeps the upload URL for a retry", async () => {
    simulator = testSimulator({ maxUploadBytes: 16 });
    const { upload_url, file_url } = await initiate();
    const put = (body: Uint8Array<ArrayBuffer>, length: number) =>
      call(simulator, "PUT", local(upload_url), {
        body,
        headers: { "content-type": "image/png", "content-length": String(length) },
      });
    const short = await put(new Uint8Array(6), 10);
    expect(short.status).toBe(400);
    expect((await short.json()).detail).toMatch(/ended after 6 of 10 bytes; nothing was stored/);
    expect((await call(simulator, "GET", local(file_url))).status).toBe(404);

    const declaredTooBig = await put(new Uint8Array(4), 17);
    expect(declaredTooBig.status).toBe(413);
    expect(declaredTooBig.headers.get("connection")).toBe("close");
    expect((await declaredTooBig.json()).detail).toMatch(/^Files over .+ MiB are not accepted; nothing was stored\.$/);

    expect((await put(new Uint8Array(10).fill(7), 10)).status).toBe(200);
    const served = Buffer.from(await (await call(simulator, "GET", local(file_url))).arrayBuffer());
    expect(served.equals(Buffer.alloc(10, 7))).toBe(true);
  });

  it("answers the queue and storage API only on the proxy's hop; uploads and files need no key", async () => {
    simulator = testSimulator();
    const { upload_url, file_url } = await initiate();
    const direct = (method: string, path: string, authorization?: string) =>
      handleSimulatorRequest(
        new Request(`${ORIGIN}/api/simulator${path}`, {
          method,
          headers: authorization ? { authorization } : {},
          body: method === "GET" ? undefined : "{}",
        }),
        simulator,
      );
    for (const [method, path] of [
      ["POST", "/queue/fal-ai/lora/image-to-image"],
      ["GET", "/queue/fal-ai/lora/requests/abc/status"],
      ["GET", "/queue/fal-ai/lora/requests/abc/status/stream"],
      ["GET", "/queue/fal-ai/lora/requests/abc"],
      ["PUT", "/queue/fal-ai/lora/requests/abc/cancel"],
      ["POST", "/rest/storage/upload/initiate?storage_type=fal-cdn-v3"],
    ] as const) {
      for (const authorization of [
        undefined,
        "Key simulator",
        "Key my-key:abcdefgh12345678",
        `Key ${simulator.hopSecret}x`,
      ]) {
        const response = await direct(method, path, authorization);
        expect(response.status, `${method} ${path} with ${authorization}`).toBe(401);
        expect((await response.json()).detail).toMatch(/only this app's proxy/);
      }
    }
    const put = await handleSimulatorRequest(
      new Request(upload_url, { method: "PUT", body: new Uint8Array([1, 2, 3]) }),
      simulator,
    );
    expect(put.status).toBe(200);
    expect((await handleSimulatorRequest(new Request(file_url), simulator)).status).toBe(200);
  });

  it("with test hooks, stands in for fal for another server: any fal-shaped key is answered", async () => {
    simulator = testSimulator({ acceptFalKeys: true });
    const submit = (authorization: string) =>
      handleSimulatorRequest(
        new Request(`${ORIGIN}/api/simulator/queue/fal-ai/lora/image-to-image`, {
          method: "POST",
          headers: { authorization, "content-type": "application/json" },
          body: JSON.stringify({ model_name: "a/b", prompt: "p" }),
        }),
        simulator,
      );
    expect((await submit("Key visitor-1234:abcdefgh12345678")).status).toBe(200);
    expect((await submit("Key simulator")).status).toBe(401);
  });

  it("initiates, accepts the PUT once and serves the bytes back", async () => {
    simulator = testSimulator();
    const { upload_url, file_url } = await initiate();
    expect(upload_url.startsWith(`${ORIGIN}/api/simulator/upload/`)).toBe(true);
    expect(file_url).toMatch(new RegExp(`^${ORIGIN}/api/simulator/files/[\\w-]+/photo\\.png$`));

    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const put = await call(simulator, "PUT", local(upload_url), {
      body: bytes,
      headers: { "content-type": "image/png" },
    });
    expect(put.status).toBe(200);
    expect(put.headers.get("access-control-allow-origin")).toBe("*");

    const file = await call(simulator, "GET", local(file_url));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("content-length")).toBe("7");
    expect(file.headers.get("cache-control")).toContain("immutable");
    expect(file.headers.get("access-control-allow-origin")).toBe("*");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);

    const again = await call(simulator, "PUT", local(upload_url), { body: bytes });
    expect(again.status).toBe(404);
  });

  it("refuses an upload over the cap", async () => {
    simulator = testSimulator({ maxUploadBytes: 4 });
    const { upload_url } = await initiate();
    const put = await call(simulator, "PUT", local(upload_url), { body: new Uint8Array(5) });
    expect(put.status).toBe(413);
  });

  it("answers a CORS preflight for uploads and files, and 404 for unknown files", async () => {
    simulator = testSimulator();
    const preflight = await call(simulator, "OPTIONS", "/upload/sometoken", {
      headers: {
        origin: "http://app.test",
        "access-control-request-method": "PUT",
        "access-control-request-headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type");
    const missing = await call(simulator, "GET", "/files/unknownid/x.png");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ detail: "Not found" });
  });

  it("validates the initiate body in fal's 422 shape", async () => {
    simulator = testSimulator();
    const response = await call(simulator, "POST", "/rest/storage/upload/initiate?storage_type=fal-cdn-v3", {
      json: { content_type: 5 },
    });
    expect(response.status).toBe(422);
    expect((await response.json()).detail[0].loc).toEqual(["body", "content_type"]);
  });
});

describe("routing", () => {
  it("answers 404 for unknown paths and 405 with Allow for a wrong method", async () => {
    simulator = testSimulator();
    const unknown = await call(simulator, "GET", "/queue/fal-ai/other-app");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ detail: "Not found" });
    const wrong = await call(simulator, "GET", "/queue/fal-ai/lora/image-to-image");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    expect((await call(simulator, "DELETE", "/queue/fal-ai/lora/requests/abc/cancel")).status).toBe(405);
  });

  it("builds URLs on the forwarded host and protocol only behind a trusted proxy", async () => {
    const forwarded = { "x-forwarded-host": "play.example.com", "x-forwarded-proto": "https" };
    const fileUrlWith = async (trustProxy: boolean) => {
      simulator = testSimulator({ trustProxy });
      const initiate = await call(simulator, "POST", "/rest/storage/upload/initiate?storage_type=fal-cdn-v3", {
        json: { content_type: "image/png", file_name: "a.png" },
        headers: forwarded,
      });
      simulator.dispose();
      return ((await initiate.json()) as { file_url: string }).file_url;
    };
    expect((await fileUrlWith(true)).startsWith("https://play.example.com/api/simulator/files/")).toBe(true);
    expect((await fileUrlWith(false)).startsWith(`${ORIGIN}/api/simulator/files/`)).toBe(true);
    simulator = testSimulator();
  });

  it("takes the browser's origin from the proxy's hop only, never from a caller", async () => {
    simulator = testSimulator();
    const initiate = (authorization: string) =>
      handleSimulatorRequest(
        new Request(`${ORIGIN}/api/simulator/rest/storage/upload/initiate?storage_type=fal-cdn-v3`, {
          method: "POST",
          body: "{}",
          headers: { authorization, "x-fal-simulator-origin": "https://evil.example" },
        }),
        simulator,
      );
    const fromProxy = (await (await initiate(`Key ${simulator.hopSecret}`)).json()) as { upload_url: string };
    expect(fromProxy.upload_url.startsWith("https://evil.example/")).toBe(true);
    expect((await initiate("Key someone:else-entirely")).status).toBe(401);
  });

  it("refuses a content_type with a line break, so no stored file can break its own answer", async () => {
    simulator = testSimulator();
    for (const content_type of ["image/png\r\nset-cookie: a=b", "image/png\n", "not a type"]) {
      const response = await call(simulator, "POST", "/rest/storage/upload/initiate?storage_type=fal-cdn-v3", {
        json: { content_type, file_name: "a.png" },
      });
      expect(response.status, content_type).toBe(422);
      expect((await response.json()).detail[0]).toMatchObject({ loc: ["body", "content_type"] });
    }
    const fine = await call(simulator, "POST", "/rest/storage/upload/initiate?storage_type=fal-cdn-v3", {
      json: { content_type: 'image/svg+xml; charset="utf-8"', file_name: "a.svg" },
    });
    expect(fine.status).toBe(200);
  });

  it("turns an unexpected failure into a bare 500", async () => {
    simulator = testSimulator();
    const exploding = new Proxy(simulator.queue, {
      get() {
        throw new Error("internal detail");
      },
    });
    const broken = { ...simulator, queue: exploding };
    const response = await call(broken, "GET", "/queue/fal-ai/lora/requests/abc/status");
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ detail: "Internal simulator error" });
  });
});
