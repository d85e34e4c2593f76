import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS, type Bench, type BenchResult } from "./harness";

type Script = { path: string; gzipBytes: number; wireBytes: number };
type Paint = { lcpElement: string; lcpMs: number; fcpMs: number };

/** Lighthouse's phone: the LCP element is found at the size Lighthouse measures it at. */
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

/** Records the page's paints; the last LCP candidate is the element Lighthouse reports. */
function watchPaints() {
  const state = { lcpElement: "none", lcpMs: 0, fcpMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
      const element = entry.element;
      const text = element?.textContent?.trim().slice(0, 60) ?? "";
      const name = element
        ? `<${element.tagName.toLowerCase()}${element.getAttribute("role") ? ` role="${element.getAttribute("role")}"` : ""}> "${text}"`
        : "(removed)";
      Object.assign(state, { lcpElement: name, lcpMs: entry.startTime });
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") state.fcpMs = entry.startTime;
  }).observe({ type: "paint", buffered: true });
  (window as unknown as { benchPaints: typeof state }).benchPaints = state;
}

/**
 * Every script the page fetches from navigation until the network is quiet, with no input: its body
 * gzipped here (level 6, as Next's server compresses) and the bytes that actually crossed the wire.
 */
async function measure(browser: Browser, url: string): Promise<{ scripts: Script[]; paint: Paint }> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    await page.addInitScript(watchPaints);
    const pending: Promise<Script>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        (async () => {
          const [body, sizes] = await Promise.all([response.body(), response.request().sizes()]);
          return {
            path: new URL(response.url()).pathname,
            gzipBytes: gzipSync(body, { level: 6 }).length,
            wireBytes: sizes.responseBodySize,
          };
        })(),
      );
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const paint = await page.evaluate(() => (window as unknown as { benchPaints: Paint }).benchPaints);
    return { scripts: await Promise.all(pending), paint };
  } finally {
    await context.close();
  }
}

const kB = (bytes: number) => bytes / 1000;

/** Bytes at which two answers differ, a length difference counting whole. */
function differingBytes(first: Uint8Array, second: Uint8Array): number {
  let differing = Math.abs(first.length - second.length);
  for (let index = 0; index < Math.min(first.length, second.length); index += 1) {
    if (first[index] !== second[index]) differing += 1;
  }
  return differing;
}

/** `/` as a browser asks for it, twice: a prerendered page is the same bytes for everyone. */
async function pageAnswers(url: string): Promise<[Uint8Array, Uint8Array]> {
  const get = async () =>
    new Uint8Array(
      await (await fetch(url, { headers: { accept: "text/html", "accept-encoding": "identity" } })).arrayBuffer(),
    );
  return [await get(), await get()];
}
const total = (scripts: Script[], key: "gzipBytes" | "wireBytes") =>
  scripts.reduce((sum, script) => sum + script[key], 0);

/** The JavaScript a visitor downloads before touching anything, on the playground and on the floor pages. */
const bench: Bench = {
  name: "First-load JavaScript",
  about:
    "Measured from the page in Chromium, not from the build manifest: every script fetched from navigation until the " +
    "network is quiet, without input, on a 412×823 phone; each body gzipped at level 6 (as Next's server compresses). " +
    '"As sent" is what crossed the wire. The HTML of `/` is asked for twice, as a browser asks, and compared byte by byte.',
  async run({ baseURL, floorURL, chromiumPath }) {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    try {
      const bare = await measure(browser, `${floorURL}/`);
      const withClient = await measure(browser, `${floorURL}/fal-client`);
      const playground = await measure(browser, `${baseURL}/`);
      const [firstAnswer, secondAnswer] = await pageAnswers(`${baseURL}/`);
      const bareBaseline = { label: "bare Next page", value: kB(total(bare.scripts, "gzipBytes")) };
      const results: BenchResult[] = [
        { name: "bare Next page", value: bareBaseline.value, unit: "kB" },
        {
          name: "Next + @fal-ai/client",
          value: kB(total(withClient.scripts, "gzipBytes")),
          unit: "kB",
          baseline: bareBaseline,
        },
        {
          name: "playground /",
          value: kB(total(playground.scripts, "gzipBytes")),
          unit: "kB",
          max: 185,
          baseline: bareBaseline,
        },
        {
          name: "playground / as sent (Next's own compression)",
          value: kB(total(playground.scripts, "wireBytes")),
          unit: "kB",
        },
        {
          name: "playground /: bytes differing between two requests",
          value: differingBytes(firstAnswer, secondAnswer),
          unit: "bytes",
          max: 0,
        },
        {
          name: "playground / scripts",
          value: playground.scripts.length,
          unit: "files",
          baseline: { label: "bare Next page", value: bare.scripts.length },
        },
      ];
      const biggest = [...playground.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 6);
      const notes = [
        `playground / scripts by size (gzip): ${biggest.map((script) => `${script.path.replace("/_next/static/chunks/", "")} ${kB(script.gzipBytes).toFixed(1)} kB`).join(", ")}`,
        `LCP element on a 412×823 phone, unthrottled: playground ${playground.paint.lcpElement} at ${Math.round(playground.paint.lcpMs)} ms (FCP ${Math.round(playground.paint.fcpMs)} ms); bare page ${bare.paint.lcpElement} at ${Math.round(bare.paint.lcpMs)} ms`,
      ];
      return { results, notes };
    } finally {
      await browser.close();
    }
  },
};

export default bench;
