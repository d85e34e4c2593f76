import { ApiError, createFalClient, ValidationError } from "@fal-ai/client";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { listLimits, MAX_IMAGE_BYTES } from "../lib/fal/limits";
import type { LoraOutput } from "../lib/fal/output-schema";
import { headOnly } from "./fixtures/raw-request";

const ENDPOINT = "fal-ai/lora/image-to-image";
const SUBMIT = `https://queue.fal.run/${ENDPOINT}`;
const PORT = Number(process.env.E2E_PORT ?? 3100);
const MiB = 1024 * 1024;
const input = {
  model_name: "stabilityai/stable-diffusion-xl-base-1.0",
  prompt: "a harbour at noon",
  num_inference_steps: 2,
};

const client = (baseURL: string | undefined) =>
  createFalClient({ proxyUrl: { url: `${baseURL}/api/fal/proxy`, when: "always" } });
const times = <T>(count: number, item: (index: number) => T) =>
  Array.from({ length: count }, (_, index) => item(index));

test("a list past its bound is refused with a 422 on that list, before any work", async ({ baseURL }) => {
  const fal = client(baseURL);
  const cases: [string, Record<string, unknown>, string][] = [
    [
      "loras",
      { loras: times(listLimits.loras.max + 1, (index) => ({ path: `user/lora-${index}` })) },
      listLimits.loras.message,
    ],
    [
      "controlnets",
      {
        controlnets: times(listLimits.controlnets.max + 1, () => ({ path: "c/n", image_url: "https://x.test/c.png" })),
      },
      listLimits.controlnets.message,
    ],
    [
      "ip_adapter",
      {
        ip_adapter: times(listLimits.ip_adapter.max + 1, () => ({
          path: "h94/IP-Adapter",
          ip_adapter_image_url: "https://x.test/s.png",
        })),
      },
      listLimits.ip_adapter.message,
    ],
  ];
  for (const [field, extra, message] of cases) {
    const error = await fal.queue
      .submit(ENDPOINT, { input: { ...input, ...extra } })
      .catch((caught: unknown) => caught);
    expect(error, field).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).getFieldErrors(field).map((item) => item.msg)).toEqual([message]);
  }
});

test("the heaviest run the bounds allow completes on a 2048² init image, and a light run after it too", async ({
  baseURL,
  request,
}) => {
  test.setTimeout(180_000);
  const fal = client(baseURL);
  const big = await sharp({ create: { width: 2048, height: 2048, channels: 3, background: "#3a6ea5" } })
    .jpeg()
    .toBuffer();
  const init = await fal.storage.upload(new Blob([new Uint8Array(big)], { type: "image/jpeg" }));
  // fal's generated endpoint types lag the model page, so the request goes untyped.
  const untypedEndpoint: string = ENDPOINT;
  const heavy = fal.subscribe(untypedEndpoint, {
    input: {
      ...input,
      image_url: init,
      loras: times(listLimits.loras.max, (index) => ({ path: `user/lora-${index}` })),
      controlnets: times(listLimits.controlnets.max, () => ({ path: "c/n", image_url: init })),
      ip_adapter: times(listLimits.ip_adapter.max, () => ({ path: "h94/IP-Adapter", ip_adapter_image_url: init })),
      num_images: 2,
    },
    pollInterval: 250,
  });
  // Other visitors are answered while it renders (how fast is `npm run bench`'s business).
  expect((await request.get("/api/health")).ok()).toBe(true);
  const light = await fal.subscribe(ENDPOINT, { input, pollInterval: 100 });
  expect(light.data.images).toHaveLength(1);
  const result = (await heavy) as { data: LoraOutput };
  expect(result.data.images.map((image) => [image.width, image.height])).toEqual([
    [2048, 2048],
    [2048, 2048],
  ]);
});

test("an upload over Next's 10 MB proxy buffer is stored whole; one over the limit is refused and not stored", async ({
  baseURL,
}) => {
  const fal = client(baseURL);
  const twelve = Buffer.alloc(12 * MiB);
  for (let index = 0; index < twelve.length; index += 4096) twelve[index] = index % 251;
  const url = await fal.storage.upload(new Blob([new Uint8Array(twelve)], { type: "application/octet-stream" }));
  const served = Buffer.from(await (await fetch(url)).arrayBuffer());
  expect(served.byteLength).toBe(twelve.byteLength);
  expect(served.equals(twelve)).toBe(true);

  const tooBig = new Blob([new Uint8Array(MAX_IMAGE_BYTES + MiB)], { type: "image/png" });
  const error = await fal.storage.upload(tooBig).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError<{ detail: string }>).status).toBe(413);
  expect((error as ApiError<{ detail: string }>).body.detail).toMatch(
    /^Files over 25 MiB are not accepted; nothing was stored\.$/,
  );
});

test("a body declared too large is refused before it is sent: the proxy and an upload URL answer 413 at once", async ({
  baseURL,
}) => {
  const { upload_url } = (await (
    await fetch(`${baseURL}/api/fal/proxy`, {
      method: "POST",
      headers: {
        "x-fal-target-url": "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
        "content-type": "application/json",
      },
      body: JSON.stringify({ content_type: "image/png", file_name: "big.png" }),
    })
  ).json()) as { upload_url: string };
  const declared = 200 * MiB;
  const proxy = await headOnly(
    PORT,
    `POST /api/fal/proxy HTTP/1.1\r\nHost: 127.0.0.1\r\nx-fal-target-url: ${SUBMIT}\r\ncontent-type: application/json\r\nContent-Length: ${declared}`,
  );
  const upload = await headOnly(
    PORT,
    `PUT ${new URL(upload_url).pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: image/png\r\nContent-Length: ${declared}`,
  );
  expect(proxy).toMatch(/^HTTP\/1\.1 413/);
  expect(upload).toMatch(/^HTTP\/1\.1 413/);
});

test("the simulator's queue answers only the proxy; its file and upload URLs stay reachable", async ({ baseURL }) => {
  const direct = (path: string, init: RequestInit = {}) => fetch(`${baseURL}/api/simulator${path}`, init);
  const body = JSON.stringify(input);
  for (const headers of [{}, { authorization: "Key simulator" }] as Record<string, string>[]) {
    const submit = await direct(`/queue/${ENDPOINT}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body,
    });
    expect(submit.status).toBe(401);
    expect((await submit.json()).detail).toMatch(/only this app's proxy/);
    expect((await direct("/queue/fal-ai/lora/requests/abc/status", { headers })).status).toBe(401);
    expect(
      (await direct("/rest/storage/upload/initiate?storage_type=fal-cdn-v3", { method: "POST", headers, body: "{}" }))
        .status,
    ).toBe(401);
  }
  const fal = client(baseURL);
  const queued = await fal.queue.submit(ENDPOINT, { input });
  expect(queued.request_id).toBeTruthy();
  const file = await fal.storage.upload(new Blob(["hello"], { type: "text/plain" }));
  expect(await (await fetch(file)).text()).toBe("hello");
});
