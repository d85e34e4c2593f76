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
  it("initiates, accepts the PUT once and serves the bytes back", async () => {
    simulator = testSimulator();
    const { upload_url, file_url } = await initiate();
    expect(upload_url.startsWith(`${ORIGIN}/api/simulator/upload/`)).toBe(true);
    expect(file_url).toMatch(new RegExp(`^${ORIGIN}/api/simulator/files/[\\w-]+/photo\\.png$`));

    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const put = await call(simulator, "PUT", local(upload_url), { body: bytes, headers: { "content-type": "image/png" } });
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
      headers: { origin: "http://app.test", "access-control-request-method": "PUT", "access-control-request-headers": "content-type" },
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

  it("builds URLs on the forwarded host and protocol", async () => {
    simulator = testSimulator();
    const request = new Request(`${ORIGIN}/api/simulator/rest/storage/upload/initiate?storage_type=fal-cdn-v3`, {
      method: "POST",
      body: JSON.stringify({ content_type: "image/png", file_name: "a.png" }),
      headers: { "x-forwarded-host": "play.example.com", "x-forwarded-proto": "https" },
    });
    const body = await (await handleSimulatorRequest(request, simulator)).json();
    expect(body.file_url.startsWith("https://play.example.com/api/simulator/files/")).toBe(true);
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
