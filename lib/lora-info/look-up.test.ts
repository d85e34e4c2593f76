import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPublicFetch } from "@/lib/http/public-fetch";
import { type StandIns, startStandIns } from "@/test/lora-stand-ins";
import { lookUpWeights, type WeightsQuery } from "./look-up";
import { FIRST_READ_BYTES } from "./read-header";
import { kohyaSd15, kohyaSdxl } from "./sample-files";

let standIns: StandIns;
beforeAll(async () => {
  standIns = await startStandIns();
});
afterAll(() => standIns.close());

const fetch = createPublicFetch(undefined, { allowPrivate: true });

function lookUp(
  path: string,
  role: WeightsQuery["role"] = "lora",
  extra: Partial<WeightsQuery> = {},
  timeoutMs = 5000,
) {
  return lookUpWeights(
    { path, role, ...extra },
    {
      fetch,
      hfOrigin: standIns.hfOrigin,
      civitaiOrigin: standIns.civitaiOrigin,
      signal: AbortSignal.timeout(10_000),
      timeoutMs,
    },
  ).then(({ card }) => card);
}

const file = (name: string) => `${standIns.origin}/files/${name}`;

describe("a LoRA by URL", () => {
  it("reads a kohya SD 1.5 LoRA with its metadata", async () => {
    const card = await lookUp(file("kohya-sd15-meta.safetensors"));
    expect(card).toMatchObject({
      source: "url",
      title: "pixelcastle-sd15",
      family: { family: "sd1", evidence: "a cross-attention 768 wide" },
      layout: "kohya",
      rank: "16",
      alpha: "8",
      trainedOn: "sd_v1",
      resolution: "512 × 512",
      file: { name: "kohya-sd15-meta.safetensors", bytes: expect.any(Number) },
    });
    expect(card.triggerWords.map(({ word }) => word)).toEqual(["pixelcastle", "castle", "outdoors", "sky", "tower"]);
    expect(card.problem).toBeUndefined();
  });

  it("reads one without metadata from its tensors alone, alpha from the bytes after the header", async () => {
    const card = await lookUp(file("kohya-sd15.safetensors"));
    expect(card).toMatchObject({
      family: { family: "sd1" },
      layout: "kohya",
      rank: "16",
      alpha: "8",
      triggerWords: [],
    });
    expect(card.trainedOn).toBeUndefined();
  });

  it("reads an SDXL header longer than the first read with a second Range request, and no more than it needs", async () => {
    const card = await lookUp(file("kohya-sdxl-meta.safetensors"));
    expect(card).toMatchObject({ family: { family: "sdxl" }, title: "Ink Wash XL", rank: "32", alpha: "16" });
    expect(card.bytesRead).toBeGreaterThan(FIRST_READ_BYTES);
    expect(card.bytesRead).toBeLessThanOrEqual(kohyaSdxl(true).head.length + 64 * 1024);
  });

  it("reads a diffusers/PEFT SDXL LoRA and its ModelSpec trigger phrase", async () => {
    const card = await lookUp(file("peft-sdxl-meta.safetensors"));
    expect(card).toMatchObject({ layout: "peft", family: { family: "sdxl" }, rank: "8", title: "Paper Cut XL" });
    expect(card.triggerWords).toEqual([{ word: "papercut style", from: "modelspec.trigger_phrase" }]);
  });

  it("says a Flux LoRA is not for this endpoint", async () => {
    expect((await lookUp(file("flux-peft.safetensors"))).family).toMatchObject({ family: "other", name: "Flux" });
  });

  it("stops reading a host that ignores Range once the header is in", async () => {
    const card = await lookUp(`${standIns.origin}/plain/endless.safetensors`);
    expect(card).toMatchObject({ family: { family: "sd1" }, title: "pixelcastle-sd15" });
    expect(card.problem).toBeUndefined();
    expect(card.bytesRead).toBeLessThanOrEqual(kohyaSd15(true).head.length + 64 * 1024);
  });
});

describe("hostile files", () => {
  it.each([
    [
      "huge-length.safetensors",
      "header-too-large",
      "The file says its header is 9223372036854775808 bytes; headers over 16 MiB are not read.",
    ],
    [
      "gibibyte-header.safetensors",
      "header-too-large",
      "The file says its header is 1024 MiB; headers over 16 MiB are not read.",
    ],
    ["not-json.safetensors", "not-safetensors", "The header is not a JSON object: this is not safetensors."],
    [
      "deeply-nested.safetensors",
      "not-safetensors",
      "The header nests deeper than a safetensors header can: it is not one.",
    ],
    [
      "truncated.safetensors",
      "truncated",
      `The file ends after 1008 bytes, inside its ${kohyaSd15(true).head.length - 8}-byte header: it was cut short.`,
    ],
  ])("%s: %s", async (name, kind, message) => {
    const card = await lookUp(file(name));
    expect(card.problem).toEqual({ kind, message });
    expect(card.bytesRead ?? 0).toBeLessThanOrEqual(FIRST_READ_BYTES);
  });

  it("says a missing file, an unreachable host and a private address apart", async () => {
    expect((await lookUp(file("nothing.safetensors"))).problem?.kind).toBe("not-found");
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect((await lookUp(`http://127.0.0.1:${port}/lora.safetensors`)).problem).toEqual({
      kind: "unreachable",
      message: `Could not reach 127.0.0.1:${port}.`,
    });
    const guarded = await lookUpWeights(
      { path: file("kohya-sd15.safetensors"), role: "lora" },
      {
        fetch: createPublicFetch(),
        hfOrigin: standIns.hfOrigin,
        civitaiOrigin: standIns.civitaiOrigin,
        signal: AbortSignal.timeout(5000),
        timeoutMs: 2000,
      },
    );
    expect(guarded.card.problem?.kind).toBe("private-address");
  });

  it("gives up on a host that does not answer, in time", async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    const card = await lookUp(`http://127.0.0.1:${port}/slow.safetensors`, "lora", {}, 300);
    expect(card.problem).toEqual({ kind: "timeout", message: `127.0.0.1:${port} did not answer in time.` });
    silent.closeAllConnections();
    silent.close();
  });

  it("names paths that are no location", async () => {
    expect((await lookUp("just some words")).problem?.kind).toBe("unsupported");
  });
});

describe("a LoRA on Hugging Face", () => {
  it("reads an id: the model card's base model, instance prompt and widget, then the file diffusers would load", async () => {
    const card = await lookUp("styles/pixel-castle");
    expect(card).toMatchObject({
      source: "huggingface",
      title: "styles/pixel-castle",
      file: { name: "pixelcastle.safetensors" },
      family: { family: "sd1" },
      baseModel: "runwayml/stable-diffusion-v1-5",
      preview: `${standIns.hfOrigin}/styles/pixel-castle/resolve/main/images/castle.png`,
    });
    expect(card.triggerWords[0]).toEqual({ word: "pixelcastle", from: "the model card" });
  });

  it("picks pytorch_lora_weights.safetensors and skips checkpoints, as diffusers does", async () => {
    const card = await lookUp("styles/papercut-xl");
    expect(card).toMatchObject({
      file: { name: "pytorch_lora_weights.safetensors" },
      layout: "peft",
      family: { family: "sdxl" },
    });
    expect(card.triggerWords.map(({ word }) => word)).toEqual(["papercut style"]);
  });

  it("offers the resolve URL for a blob page, and the id for a repository page", async () => {
    const blob = await lookUp(`${standIns.hfOrigin}/styles/inkwash-xl/blob/main/inkwash-xl.safetensors`);
    expect(blob.useInstead).toEqual({
      path: `${standIns.hfOrigin}/styles/inkwash-xl/resolve/main/inkwash-xl.safetensors`,
      label: "Use the file's download (resolve) URL",
    });
    expect(blob.family?.family).toBe("sdxl");
    const page = await lookUp(`${standIns.hfOrigin}/styles/inkwash-xl`);
    expect(page.useInstead).toEqual({ path: "styles/inkwash-xl", label: "Use the id styles/inkwash-xl" });
  });

  it("says an unknown repository is not found", async () => {
    expect((await lookUp("nobody/nothing")).problem).toEqual({
      kind: "not-found",
      message: "Hugging Face has no public repository by this id.",
    });
  });
});

describe("a LoRA on Civitai", () => {
  it("reads a download URL: trained words, base model and preview from the API, the rest from the file", async () => {
    const card = await lookUp(`${standIns.civitaiOrigin}/api/download/models/1001`);
    expect(card).toMatchObject({
      source: "civitai",
      title: "Pixel Castle — v1.0",
      trainedOn: "SD 1.5",
      family: { family: "sd1", evidence: "a cross-attention 768 wide" },
      preview: `${standIns.origin}/preview.png`,
      layout: "kohya",
    });
    expect(card.triggerWords).toEqual([
      { word: "pixelcastle", from: "Civitai" },
      { word: "castle on a hill", from: "Civitai" },
    ]);
    expect(card.token).toBeUndefined();
  });

  it("says a file needs a token, and keeps a given token out of the card", async () => {
    const needed = await lookUp(`${standIns.civitaiOrigin}/api/download/models/2002`);
    expect(needed).toMatchObject({
      token: "needed",
      family: { family: "sdxl", evidence: "Civitai lists its base model as SDXL 1.0" },
    });
    expect(needed.problem).toBeUndefined();
    const given = await lookUp(`${standIns.civitaiOrigin}/api/download/models/2002?token=secret-token`);
    expect(given).toMatchObject({ token: "given", layout: "kohya", family: { family: "sdxl" } });
    expect(JSON.stringify(given)).not.toContain("secret-token");
  });

  it("turns a model page and an AIR into the version's download URL", async () => {
    const page = await lookUp(`${standIns.civitaiOrigin}/models/100/pixel-castle`);
    expect(page.useInstead).toEqual({
      path: `${standIns.civitaiOrigin}/api/download/models/1001`,
      label: "Use the download URL of v1.0",
    });
    expect(page.notes).toContain("The page names no version; this is its newest, v1.0.");
    const air = await lookUp("urn:air:sd1:lora:civitai:100@1001");
    expect(air).toMatchObject({ title: "Pixel Castle — v1.0", family: { family: "sd1" } });
    expect(air.useInstead?.path).toBe(`${standIns.civitaiOrigin}/api/download/models/1001`);
  });

  it("knows a Flux LoRA by Civitai's base model and by its tensors", async () => {
    const card = await lookUp(`${standIns.civitaiOrigin}/api/download/models/3003`);
    expect(card.family).toMatchObject({ family: "other", name: "Flux" });
  });
});

describe("the model, ControlNets and IP adapters", () => {
  it("reads a diffusers repository's pipeline class, and SD 1/2 by its UNet's width", async () => {
    expect(await lookUp("stabilityai/stable-diffusion-xl-base-1.0", "model")).toMatchObject({
      pipeline: "StableDiffusionXLPipeline",
      family: { family: "sdxl", evidence: "its pipeline is StableDiffusionXLPipeline" },
    });
    expect(await lookUp("runwayml/stable-diffusion-v1-5", "model")).toMatchObject({
      pipeline: "StableDiffusionPipeline",
      family: { family: "sd1", evidence: "its UNet's cross-attention is 768 wide" },
    });
    expect((await lookUp("black-forest-labs/FLUX.1-dev", "model")).family?.family).toBe("other");
  });

  it("reads a single-file checkpoint's keys", async () => {
    expect(await lookUp(file("sd15-checkpoint.safetensors"), "model")).toMatchObject({
      layout: "checkpoint",
      family: { family: "sd1" },
    });
  });

  it("reads a ControlNet's config and an IP adapter's weights", async () => {
    expect((await lookUp("diffusers/controlnet-canny-sdxl-1.0", "controlnet")).family?.family).toBe("sdxl");
    expect((await lookUp("lllyasviel/sd-controlnet-canny", "controlnet")).family?.family).toBe("sd1");
    const adapter = await lookUp("h94/IP-Adapter", "ip-adapter", {
      subfolder: "models",
      weightName: "ip-adapter_sd15.bin",
    });
    expect(adapter).toMatchObject({ file: { name: "models/ip-adapter_sd15.safetensors" }, family: { family: "sd1" } });
  });
});
