import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  hostileFiles,
  kohyaSd15,
  kohyaSdxl,
  peftFlux,
  peftSdxl,
  safetensorsFile,
  type SampleFile,
  sd15Checkpoint,
} from "@/lib/lora-info/sample-files";

/*
 * Stand-ins on 127.0.0.1 for what the LoRA cards reach: files on any host (with and without Range
 * support), the Hugging Face Hub (its model API, `resolve` URLs that redirect to a CDN as the Hub
 * does) and Civitai (its v1 API, download URLs that redirect, or answer 401 without a token).
 * Mounted at /hf and /civitai, so HF_ORIGIN and CIVITAI_ORIGIN are `<origin>/hf`, `<origin>/civitai`.
 */

const ipAdapter = (width: number, channels: number) =>
  safetensorsFile([
    { name: "image_proj.proj.weight", shape: [4 * width, 1024], dtype: "F16" },
    { name: "ip_adapter.1.to_k_ip.weight", shape: [channels, width], dtype: "F16" },
    { name: "ip_adapter.1.to_v_ip.weight", shape: [channels, width], dtype: "F16" },
  ]);

/** Every file by name, made once. */
export const STAND_IN_FILES: Record<string, () => SampleFile> = {
  "kohya-sd15.safetensors": () => kohyaSd15(false),
  "kohya-sd15-meta.safetensors": () => kohyaSd15(true),
  "kohya-sdxl.safetensors": () => kohyaSdxl(false),
  "kohya-sdxl-meta.safetensors": () => kohyaSdxl(true),
  "peft-sdxl.safetensors": () => peftSdxl(false),
  "peft-sdxl-meta.safetensors": () => peftSdxl(true),
  "flux-peft.safetensors": () => peftFlux(),
  "sd15-checkpoint.safetensors": () => sd15Checkpoint(),
  "ip-adapter_sd15.safetensors": () => ipAdapter(768, 320),
  "ip-adapter_sdxl.safetensors": () => ipAdapter(2048, 640),
  "huge-length.safetensors": () => hostileFiles.hugeLength(),
  "gibibyte-header.safetensors": () => hostileFiles.gibibyteHeader(),
  "not-json.safetensors": () => hostileFiles.notJson(),
  "deeply-nested.safetensors": () => hostileFiles.deeplyNested(),
  "truncated.safetensors": () => hostileFiles.truncated(),
};

/** What a host that ignores Range streams: a LoRA, then this much of its (zero) data. */
export const ENDLESS_BYTES = 200 * 1024 * 1024;

type Repo = { files: Record<string, string>; card?: Record<string, unknown>; json?: Record<string, unknown> };

/** Hugging Face repositories: file name in the repo → stand-in file, and JSON files by name. */
const REPOS: Record<string, Repo> = {
  "styles/pixel-castle": {
    files: { "pixelcastle.safetensors": "kohya-sd15-meta.safetensors", "images/castle.png": "preview" },
    card: {
      base_model: "runwayml/stable-diffusion-v1-5",
      instance_prompt: "pixelcastle",
      widget: [{ text: "a castle", output: { url: "images/castle.png" } }],
    },
  },
  "styles/inkwash-xl": {
    files: { "inkwash-xl.safetensors": "kohya-sdxl-meta.safetensors" },
    card: { base_model: "stabilityai/stable-diffusion-xl-base-1.0" },
  },
  "styles/papercut-xl": {
    files: {
      "pytorch_lora_weights.safetensors": "peft-sdxl-meta.safetensors",
      "checkpoint-500/optimizer.safetensors": "peft-sdxl.safetensors",
    },
    card: { base_model: "stabilityai/stable-diffusion-xl-base-1.0", instance_prompt: "papercut style" },
  },
  "stabilityai/stable-diffusion-xl-base-1.0": {
    files: {},
    json: { "model_index.json": { _class_name: "StableDiffusionXLPipeline" } },
  },
  "runwayml/stable-diffusion-v1-5": {
    files: {},
    json: {
      "model_index.json": { _class_name: "StableDiffusionPipeline" },
      "unet/config.json": { cross_attention_dim: 768 },
    },
  },
  "black-forest-labs/FLUX.1-dev": { files: {}, json: { "model_index.json": { _class_name: "FluxPipeline" } } },
  "diffusers/controlnet-canny-sdxl-1.0": {
    files: {},
    json: { "config.json": { _class_name: "ControlNetModel", cross_attention_dim: 2048 } },
  },
  "lllyasviel/sd-controlnet-canny": {
    files: {},
    json: { "config.json": { _class_name: "ControlNetModel", cross_attention_dim: 768 } },
  },
  "h94/IP-Adapter": {
    files: {
      "models/ip-adapter_sd15.safetensors": "ip-adapter_sd15.safetensors",
      "sdxl_models/ip-adapter_sdxl.safetensors": "ip-adapter_sdxl.safetensors",
      "models/ip-adapter_sd15.bin": "huge-length.safetensors",
    },
  },
};

/** A repository by id; `fresh-<anything>/<name>` is `styles/<name>` under an id no cache has seen (the benchmark's cold lookups). */
function repoNamed(id: string): Repo | undefined {
  return REPOS[id] ?? REPOS[id.replace(/^fresh-[\w.-]+\//, "styles/")];
}

type Version = {
  modelId: number;
  model: string;
  type: string;
  name: string;
  baseModel: string;
  trainedWords: string[];
  file: string;
  token?: boolean;
};

/** Civitai versions by id. */
const VERSIONS: Record<string, Version> = {
  "1001": {
    modelId: 100,
    model: "Pixel Castle",
    type: "LORA",
    name: "v1.0",
    baseModel: "SD 1.5",
    trainedWords: ["pixelcastle", "castle on a hill"],
    file: "kohya-sd15.safetensors",
  },
  "2002": {
    modelId: 200,
    model: "Ink Wash",
    type: "LORA",
    name: "v2",
    baseModel: "SDXL 1.0",
    trainedWords: ["inkwash"],
    file: "kohya-sdxl.safetensors",
    token: true,
  },
  "3003": {
    modelId: 300,
    model: "Flux Glow",
    type: "LORA",
    name: "v1",
    baseModel: "Flux.1 D",
    trainedWords: ["glow"],
    file: "flux-peft.safetensors",
  },
};

/** A 1×1 PNG, the previews' picture. */
const PREVIEW_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

export type StandIns = {
  origin: string;
  hfOrigin: string;
  civitaiOrigin: string;
  /** Bytes written for each request path, as sent (a client that stops reading stops them). */
  sent: Map<string, number>;
  close: () => Promise<void>;
};

function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: SampleFile,
  honourRange: boolean,
  count: (bytes: number) => void,
) {
  const range = honourRange ? /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? "") : null;
  const headers = {
    "content-type": "application/octet-stream",
    etag: `"${file.size}-${file.head.length}"`,
    "accept-ranges": honourRange ? "bytes" : "none",
  };
  if (honourRange && request.headers["if-none-match"] === headers.etag) {
    response.writeHead(304, headers).end();
    return;
  }
  if (range) {
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) + 1 : file.size, file.size);
    if (start >= file.size) {
      response.writeHead(416, { "content-range": `bytes */${file.size}` }).end();
      return;
    }
    const body = file.read(start, end);
    count(body.length);
    response.writeHead(206, {
      ...headers,
      "content-range": `bytes ${start}-${end - 1}/${file.size}`,
      "content-length": body.length,
    });
    response.end(body);
    return;
  }
  response.writeHead(200, { ...headers, "content-length": file.size });
  let offset = 0;
  const pump = () => {
    while (offset < file.size) {
      const chunk = file.read(offset, Math.min(offset + 64 * 1024, file.size));
      offset += chunk.length;
      count(chunk.length);
      if (!response.write(chunk)) return void response.once("drain", pump);
    }
    response.end();
  };
  response.on("close", () => (offset = file.size));
  pump();
}

/** A file that ignores Range: a real LoRA's header followed by ENDLESS_BYTES of data. */
function endless(): SampleFile {
  const lora = kohyaSd15(true);
  const size = lora.head.length + ENDLESS_BYTES;
  const read = (start: number, end: number) => {
    const out = new Uint8Array(Math.max(0, Math.min(end, size) - start));
    out.set(lora.read(start, Math.min(end, lora.size)));
    return out;
  };
  return { size, head: lora.head, read };
}

/** Starts the stand-ins on 127.0.0.1 (`port` 0 picks one). */
export async function startStandIns(port = 0): Promise<StandIns> {
  const files = new Map<string, SampleFile>();
  const fileNamed = (name: string) => {
    const make = STAND_IN_FILES[name];
    if (!make) return undefined;
    const made = files.get(name) ?? make();
    files.set(name, made);
    return made;
  };
  const sent = new Map<string, number>();
  let origin = "";
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const path = decodeURIComponent(url.pathname);
    const count = (bytes: number) => sent.set(url.pathname, (sent.get(url.pathname) ?? 0) + bytes);
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    let match: RegExpExecArray | null;
    if ((match = /^\/(files|plain)\/(.+)$/.exec(path))) {
      const file = match[2] === "endless.safetensors" ? endless() : fileNamed(match[2] ?? "");
      if (!file) return json(404, { error: "Not found" });
      return sendFile(request, response, file, match[1] === "files", count);
    }
    if (path === "/preview.png") return response.writeHead(200, { "content-type": "image/png" }).end(PREVIEW_PNG);
    if ((match = /^\/hf\/api\/models\/([^/]+\/[^/]+)$/.exec(path))) {
      const repo = repoNamed(match[1] ?? "");
      if (!repo) return json(401, { error: "Repository not found" });
      const names = [...Object.keys(repo.files), ...Object.keys(repo.json ?? {})].sort();
      return json(200, {
        id: match[1],
        siblings: names.map((rfilename) => ({ rfilename })),
        tags: [],
        gated: false,
        cardData: repo.card,
      });
    }
    if ((match = /^\/hf\/([^/]+\/[^/]+)\/resolve\/[^/]+\/(.+)$/.exec(path))) {
      const repo = repoNamed(match[1] ?? "");
      const name = match[2] ?? "";
      const stored = repo?.json?.[name];
      if (stored) return json(200, stored);
      const file = repo?.files[name];
      if (file === "preview") return response.writeHead(302, { location: `${origin}/preview.png` }).end();
      // The Hub redirects file downloads to its CDN.
      if (file) return response.writeHead(302, { location: `${origin}/files/${file}` }).end();
      return json(404, { error: "Entry not found" });
    }
    if ((match = /^\/civitai\/api\/v1\/(model-versions|models)\/(\d+)$/.exec(path))) {
      const versionOf = (id: string, version: Version) => ({
        id: Number(id),
        modelId: version.modelId,
        name: version.name,
        baseModel: version.baseModel,
        trainedWords: version.trainedWords,
        availability: "Public",
        model: { name: version.model, type: version.type },
        files: [
          {
            name: `${version.model.toLowerCase().replace(/ /g, "-")}.safetensors`,
            type: "Model",
            primary: true,
            sizeKB: (fileNamed(version.file)?.size ?? 0) / 1024,
            downloadUrl: `${origin}/civitai/api/download/models/${id}`,
          },
        ],
        images: [{ url: `${origin}/preview.png`, nsfwLevel: 1, type: "image" }],
        downloadUrl: `${origin}/civitai/api/download/models/${id}`,
      });
      if (match[1] === "model-versions") {
        const version = VERSIONS[match[2] ?? ""];
        return version ? json(200, versionOf(match[2] ?? "", version)) : json(404, { error: "Not found" });
      }
      const versions = Object.entries(VERSIONS).filter(([, version]) => String(version.modelId) === match?.[2]);
      if (versions.length === 0) return json(404, { error: "Not found" });
      return json(200, {
        id: Number(match[2]),
        name: versions[0]?.[1].model,
        type: "LORA",
        modelVersions: versions.map(([id, version]) => versionOf(id, version)),
      });
    }
    if ((match = /^\/civitai\/api\/download\/models\/(\d+)$/.exec(path))) {
      const version = VERSIONS[match[1] ?? ""];
      if (!version) return json(404, { error: "Not found" });
      if (version.token && !url.searchParams.get("token")) {
        return json(401, {
          error: "Unauthorized",
          message: "The creator of this asset requires you to be logged in to download it",
        });
      }
      return response.writeHead(307, { location: `${origin}/files/${version.file}` }).end();
    }
    json(404, { error: "Not found" });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hfOrigin: `${origin}/hf`,
    civitaiOrigin: `${origin}/civitai`,
    sent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
