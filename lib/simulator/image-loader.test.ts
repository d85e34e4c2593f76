import { afterEach, describe, expect, it } from "vitest";
import { FileStore } from "./file-store";
import { createPublicFetch } from "@/lib/http/public-fetch";
import { createImageLoader } from "./image-loader";
import { SimulatorInputError } from "./types";

const store = new FileStore({ ttlMs: 60_000, maxBytes: 1_000_000 });
afterEach(() => store.dispose());

const refuse = (): Promise<Response> => Promise.reject(new Error("no network in this test"));

describe("image loader", () => {
  it("decodes base64 data URIs", async () => {
    const load = createImageLoader({ files: store, fetch: refuse });
    const bytes = await load(`data:image/png;base64,${Buffer.from("hello").toString("base64")}`, ["body", "image_url"]);
    expect(bytes.toString()).toBe("hello");
  });

  it("reads the simulator's own files from the store, whatever the host", async () => {
    const load = createImageLoader({ files: store, fetch: refuse });
    const url = store.save(Buffer.from("stored"), "image/png", "a.png", "http://localhost:3000");
    const elsewhere = url.replace("http://localhost:3000", "https://127.0.0.1:4000");
    expect((await load(elsewhere, ["body", "image_url"])).toString()).toBe("stored");
  });

  it("downloads other URLs and names the field when that fails", async () => {
    const load = createImageLoader({
      files: store,
      fetch: async (input) =>
        String(input).endsWith("/ok.png") ? new Response("remote") : new Response("no", { status: 404 }),
    });
    expect((await load("https://cdn.test/ok.png", ["body", "image_url"])).toString()).toBe("remote");
    const failure = load("https://cdn.test/missing.png", ["body", "controlnets", 0, "image_url"]);
    await expect(failure).rejects.toBeInstanceOf(SimulatorInputError);
    await expect(failure).rejects.toMatchObject({
      loc: ["body", "controlnets", 0, "image_url"],
      message: "ControlNet 1 control image could not be downloaded: the server answered HTTP 404.",
    });
  });

  it("stops at the size cap and on network errors", async () => {
    const big = createImageLoader({
      files: store,
      fetch: async () => new Response(new Uint8Array(2048)),
      maxBytes: 1024,
    });
    await expect(big("https://cdn.test/big.png", ["image_url"])).rejects.toMatchObject({
      loc: ["body", "image_url"],
      message: expect.stringContaining("larger than"),
    });
    const offline = createImageLoader({ files: store, fetch: refuse });
    await expect(offline("https://cdn.test/x.png", ["body", "image_url"])).rejects.toMatchObject({
      message: "Init image could not be downloaded: the host could not be reached.",
    });
  });
});

describe("image downloads through the public-only fetch", () => {
  it("refuses a private address and names the field", async () => {
    const loader = createImageLoader({ files: store, fetch: createPublicFetch() });
    const error = await loader("http://169.254.169.254/latest/meta-data/", ["body", "image_url"]).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SimulatorInputError);
    expect((error as SimulatorInputError).loc).toEqual(["body", "image_url"]);
    expect((error as SimulatorInputError).message).toBe(
      "Init image could not be downloaded: 169.254.169.254 is a private or local network address, which is not fetched from here.",
    );
  });
});
