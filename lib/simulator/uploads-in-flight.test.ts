import { afterEach, describe, expect, it } from "vitest";
import { ClientGone } from "@/lib/http/read-limited";
import { handleSimulatorRequest } from "./http";
import type { Simulator } from "./simulator";
import { call, testSimulator } from "./test-support";

let simulator: Simulator;
afterEach(() => simulator.dispose());

async function uploadUrl(): Promise<string> {
  const response = await call(simulator, "POST", "/rest/storage/upload/initiate?storage_type=fal-cdn-v3", {
    json: { content_type: "image/png", file_name: "a.png" },
  });
  return ((await response.json()) as { upload_url: string }).upload_url;
}

/** A body that sends `first` bytes and then nothing, until `end` is called. */
function stallingBody(first: number) {
  let end = () => undefined as void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(first).fill(1));
      end = () => controller.close();
    },
  });
  return { body, end: () => end() };
}

/** PUTs `body` declared as `length` bytes, from the client `address` (TRUST_PROXY=1 reads it from x-forwarded-for). */
async function put(body: BodyInit, length: number, address = "198.51.100.1"): Promise<Response> {
  return handleSimulatorRequest(
    new Request(await uploadUrl(), {
      method: "PUT",
      body,
      headers: { "content-length": String(length), "x-forwarded-for": address },
      duplex: "half",
    } as RequestInit),
    simulator,
  );
}

describe("uploads in flight", () => {
  it("holds at most the budget across clients and half of it for one: past it, 503 with Retry-After", async () => {
    simulator = testSimulator({ maxUploadBytesInFlight: 40, trustProxy: true, uploadIdleMs: 60_000 });
    const first = stallingBody(4);
    const firstPut = put(first.body, 20, "198.51.100.1");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(simulator.uploadsInFlight.heldBytes).toBe(20);

    const sameClient = await put(new Uint8Array(10), 10, "198.51.100.1");
    expect(sameClient.status).toBe(503);
    expect(sameClient.headers.get("retry-after")).toBe("5");
    expect(sameClient.headers.get("connection")).toBe("close");
    expect((await sameClient.json()).detail).toMatch(/as many uploads as it holds at once; nothing was stored/);

    const second = stallingBody(4);
    const secondPut = put(second.body, 20, "203.0.113.7");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(simulator.uploadsInFlight.heldBytes).toBe(40);
    expect((await put(new Uint8Array(1), 1, "192.0.2.50")).status).toBe(503);

    first.end();
    second.end();
    expect((await firstPut).status).toBe(400);
    expect((await secondPut).status).toBe(400);
    expect(simulator.uploadsInFlight.heldBytes).toBe(0);
    expect((await put(new Uint8Array(10), 10, "198.51.100.1")).status).toBe(200);
    expect(simulator.uploadsInFlight.heldBytes).toBe(0);
  });

  it("drops an upload that stops sending, with 408, and gives its bytes back", async () => {
    simulator = testSimulator({ maxUploadBytesInFlight: 64, uploadIdleMs: 50 });
    const { body } = stallingBody(8);
    const response = await put(body, 32);
    expect(response.status).toBe(408);
    expect((await response.json()).detail).toBe(
      "The upload stopped sending; nothing was stored. Upload the file again.",
    );
    expect(simulator.uploadsInFlight.heldBytes).toBe(0);
  });

  it("gives back the bytes of an upload whose client went away, and leaves the logging to the route", async () => {
    simulator = testSimulator({ maxUploadBytesInFlight: 64 });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(8));
        controller.error(new Error("aborted"));
      },
    });
    await expect(put(body, 32)).rejects.toBeInstanceOf(ClientGone);
    expect(simulator.uploadsInFlight.heldBytes).toBe(0);
  });
});
