import { createFalClient } from "@fal-ai/client";
import { defaultInput } from "@/lib/fal/defaults";
import { runPayload } from "@/lib/share/link-payload";
import { type Bench, median } from "./harness";
import { detailedPng } from "./test-image";

const FIRST_DRAWS = 12;
const CACHED_DRAWS = 40;
const SIDE = 1024;

/** One GET, timed to its last byte; anything but a 200 would time an error page. */
async function timedGet(url: string, expectedType: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !response.headers.get("content-type")?.startsWith(expectedType)) {
    throw new Error(`${url.slice(0, 80)}… answered ${response.status} ${response.headers.get("content-type")}`);
  }
  return elapsed;
}

/**
 * A shared run's preview card, as a chat app's crawler asks for it: the first draw of each link
 * (the run's 1024² image read from the simulator's store, scaled, drawn beside its settings,
 * encoded) and the same card again from the cache. The reference is the run's image itself,
 * fetched from the same server, one at a time in between.
 */
const bench: Bench = {
  name: "Share preview",
  about:
    `GET /s/<link>/preview.jpg for ${FIRST_DRAWS} links to a run of a ${SIDE}² image (each drawn for the first time: ` +
    `the image read from the simulator's store, the 1200×630 card drawn and encoded), then ${CACHED_DRAWS} times for one ` +
    "of them (from the cache); the reference is the run's image itself, fetched from the same server in between.",
  async run({ baseURL }) {
    const fal = createFalClient({ proxyUrl: { url: `${baseURL}/api/fal/proxy`, when: "always" } });
    const imageUrl = await fal.storage.upload(
      new Blob([new Uint8Array(await detailedPng(SIDE))], { type: "image/png" }),
    );
    // A fresh prompt per pass and link, so every first draw is one.
    const pass = `${Date.now().toString(36)}`;
    const links = Array.from({ length: FIRST_DRAWS }, (_, index) => {
      const settings = {
        ...defaultInput,
        prompt: `a lighthouse at dusk, pass ${pass}, link ${index}`,
        seed: index + 1,
      };
      return `${baseURL}/s/${runPayload(settings, { imageUrl })}/preview.jpg`;
    });
    const first: number[] = [];
    const image: number[] = [];
    for (const link of links) {
      first.push(await timedGet(link, "image/jpeg"));
      image.push(await timedGet(imageUrl, "image/png"));
    }
    const cached: number[] = [];
    for (let call = 0; call < CACHED_DRAWS; call += 1) {
      cached.push(await timedGet(links[0] ?? "", "image/jpeg"));
      image.push(await timedGet(imageUrl, "image/png"));
    }
    const reference = { label: "the run's image fetched", value: median(image) };
    return [
      { name: "first draw p50", value: median(first), unit: "ms", max: 300, baseline: reference },
      { name: "from the cache p50", value: median(cached), unit: "ms", max: 20, baseline: reference },
    ];
  },
};

export default bench;
