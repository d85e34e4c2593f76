import { chromium } from "@playwright/test";
import { Agent, fetch as undiciFetch } from "undici";
import { STAND_IN_FILES, startStandIns, type StandIns } from "@/test/lora-stand-ins";
import {
  CHROMIUM_ARGS,
  ensureFree,
  median,
  sleep,
  startServer,
  stopServer,
  type Bench,
  type BenchResult,
} from "./harness";

/** A path entered in a LoRA row, the file whose header it reads, and text only its card shows. */
type Case = { name: string; path: (standIns: StandIns, fresh: string) => string; file: string; marker: string };

const CASES: Case[] = [
  {
    name: "kohya SD 1.5, URL (112 kB header)",
    path: (s, fresh) => `${s.origin}/files/kohya-sd15-meta.safetensors?${fresh}`,
    file: "kohya-sd15-meta.safetensors",
    marker: "pixelcastle-sd15",
  },
  {
    name: "kohya SDXL, URL (406 kB header)",
    path: (s, fresh) => `${s.origin}/files/kohya-sdxl-meta.safetensors?${fresh}`,
    file: "kohya-sdxl-meta.safetensors",
    marker: "Ink Wash XL",
  },
  {
    name: "diffusers/PEFT SDXL, URL",
    path: (s, fresh) => `${s.origin}/files/peft-sdxl-meta.safetensors?${fresh}`,
    file: "peft-sdxl-meta.safetensors",
    marker: "Paper Cut XL",
  },
  {
    name: "Hugging Face id (API, then the file)",
    path: (_s, fresh) => `fresh-${fresh}/papercut-xl`,
    file: "peft-sdxl-meta.safetensors",
    marker: "papercut style",
  },
  {
    name: "Civitai download URL (API, then the file)",
    path: (s, fresh) => `${s.civitaiOrigin}/api/download/models/1001?${fresh}`,
    file: "kohya-sd15.safetensors",
    marker: "Pixel Castle",
  },
  {
    name: "a host that ignores Range (a 200 MB file)",
    path: (s, fresh) => `${s.origin}/plain/endless.safetensors?${fresh}`,
    file: "kohya-sd15-meta.safetensors",
    marker: "pixelcastle-sd15",
  },
];

/**
 * Node's calls to the server of this benchmark, on connections closed after each answer: a kept-alive
 * connection keeps a stopped server answering on it, and the next pass would find its port taken.
 */
const closing = new Agent({ pipelining: 0 });
const ask = (url: string) => undiciFetch(url, { dispatcher: closing });

const headerBytes = (file: string) => STAND_IN_FILES[file]?.().head.length ?? Number.NaN;

type CardJson = { bytesRead?: number; problem?: { message: string } };

/** The route alone, from Node: what the lookup itself costs, without the page. */
async function routeAlone(baseURL: string, standIns: StandIns): Promise<number[]> {
  const times: number[] = [];
  for (const entry of CASES) {
    const started = performance.now();
    const response = await ask(
      `${baseURL}/api/lora-info?role=lora&path=${encodeURIComponent(entry.path(standIns, "route"))}`,
    );
    const card = (await response.json()) as CardJson;
    if (card.problem) throw new Error(`${entry.name}: ${card.problem.message}`);
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * Times, in the page, from the path's input event to its card showing what only that card shows:
 * each path pasted into a new LoRA row (the first also loads the cards' code), against loopback
 * stand-ins, on a fresh server (nothing cached). Then asks the route what each lookup read.
 */
async function cardTimes(baseURL: string, standIns: StandIns, chromiumPath: string | undefined) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(baseURL, { waitUntil: "networkidle" });
    const times: number[] = [];
    for (const [index, entry] of CASES.entries()) {
      const row = index + 1;
      await page.getByRole("button", { name: "Add LoRA" }).click();
      const input = page.getByLabel(`LoRA ${row} path`, { exact: true });
      await input.waitFor();
      const shown = page.evaluate(
        ({ label, marker }) =>
          new Promise<number>((resolve) => {
            let entered = 0;
            document.addEventListener("input", () => (entered ||= performance.now()), { capture: true, once: true });
            const observer = new MutationObserver(() => {
              const region = document.querySelector(`section[aria-label="${label}"]`);
              if (entered && region?.textContent?.includes(marker)) {
                observer.disconnect();
                resolve(performance.now() - entered);
              }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          }),
        { label: `About LoRA ${row}`, marker: entry.marker },
      );
      await input.fill(entry.path(standIns, "page"));
      times.push(
        await Promise.race([
          shown,
          new Promise<number>((_, reject) =>
            setTimeout(() => reject(new Error(`${entry.name}: no card in 10 s`)), 10_000),
          ),
        ]),
      );
    }
    return times;
  } finally {
    await browser.close();
  }
}

async function bytesRead(baseURL: string, standIns: StandIns): Promise<number[]> {
  return Promise.all(
    CASES.map(async (entry) => {
      const path = encodeURIComponent(entry.path(standIns, "page"));
      const card = (await (await ask(`${baseURL}/api/lora-info?role=lora&path=${path}`)).json()) as CardJson;
      return card.bytesRead ?? Number.NaN;
    }),
  );
}

/** Waits until the server no longer answers, so the next pass can take its port. */
async function stopped(baseURL: string): Promise<void> {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    const answered = await ask(`${baseURL}/api/health`).then(
      () => true,
      () => false,
    );
    if (!answered) return;
    await sleep(200);
  }
}

const bench: Bench = {
  name: "LoRA cards",
  about:
    "A path pasted into a new LoRA row, to its card showing (from the input event to the card's text in the page, the first " +
    "path also loading the cards' code), against loopback stand-ins of file hosts, the Hugging Face Hub and Civitai, on a " +
    "server of its own started for each pass (nothing cached). The reference is the route alone, asked from Node for the " +
    "same files under other URLs. Bytes read are the server's own count for each file, less the file's header (8 bytes of " +
    "length and the JSON).",
  async run({ chromiumPath, extraPort }) {
    const port = extraPort(1);
    await ensureFree(port);
    const standIns = await startStandIns();
    const server = await startServer(port, {
      PLAYGROUND_TEST_HOOKS: "1",
      ALLOW_PRIVATE_URLS: "1",
      HF_ORIGIN: standIns.hfOrigin,
      CIVITAI_ORIGIN: standIns.civitaiOrigin,
      RATE_LIMIT_LORA_INFO_PER_MINUTE: "100000",
    });
    const baseURL = `http://127.0.0.1:${port}`;
    try {
      // One lookup first, so neither side pays for the server's first request.
      await ask(
        `${baseURL}/api/lora-info?role=lora&path=${encodeURIComponent(`${standIns.origin}/files/kohya-sd15.safetensors`)}`,
      );
      const shown = await cardTimes(baseURL, standIns, chromiumPath);
      const reference = await routeAlone(baseURL, standIns);
      const read = await bytesRead(baseURL, standIns);
      const past = read.map((bytes, index) => bytes - headerBytes(CASES[index]?.file ?? ""));
      const routeP50 = median(reference);
      const results: BenchResult[] = [
        { name: "path entered → card shown, slowest of 6", value: Math.max(...shown), unit: "ms", max: 1500 },
        {
          name: "path entered → card shown p50",
          value: median(shown),
          unit: "ms",
          baseline: { label: "route alone p50", value: routeP50 },
        },
        { name: "route alone p50 (from Node)", value: routeP50, unit: "ms" },
        {
          name: "bytes read past the header, most of 6 files",
          value: Math.max(...past),
          unit: "bytes",
          max: 64 * 1024,
        },
        {
          name: "bytes read of the 200 MB file on a host ignoring Range",
          value: read.at(-1) ?? Number.NaN,
          unit: "bytes",
        },
      ];
      const notes = [
        `card shown, ms: ${CASES.map((entry, index) => `${entry.name} ${Math.round(shown[index] ?? 0)}`).join("; ")}`,
        `bytes read past the header: ${CASES.map((entry, index) => `${entry.name} ${past[index]}`).join("; ")}`,
      ];
      return { results, notes };
    } finally {
      stopServer(server);
      await standIns.close();
      await stopped(baseURL);
    }
  },
};

export default bench;
