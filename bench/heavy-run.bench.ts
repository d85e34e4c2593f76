import sharp from "sharp";
import { listLimits } from "../lib/fal/limits";
import { percentile, type Bench } from "./harness";

const times = <T>(count: number, item: () => T) => Array.from({ length: count }, item);

/**
 * The heaviest run the input bounds allow (2048² init image, every list full, 8 images) while
 * another visitor polls /api/health: rendering must not hold up anyone else's answers.
 */
const bench: Bench = {
  name: "Health latency during the heaviest run",
  async run({ baseURL }) {
    const { createFalClient } = await import("@fal-ai/client");
    const fal = createFalClient({ proxyUrl: { url: `${baseURL}/api/fal/proxy`, when: "always" } });
    const big = await sharp({
      create: {
        width: 2048,
        height: 2048,
        channels: 3,
        background: "#000",
        noise: { type: "gaussian", mean: 128, sigma: 40 },
      },
    })
      .jpeg({ quality: 85 })
      .toBuffer();
    const init = await fal.storage.upload(new Blob([new Uint8Array(big)], { type: "image/jpeg" }));
    const endpoint: string = "fal-ai/lora/image-to-image";
    let done = false;
    const heavy = fal
      .subscribe(endpoint, {
        input: {
          model_name: "stabilityai/stable-diffusion-xl-base-1.0",
          prompt: "the heaviest run",
          image_url: init,
          loras: times(listLimits.loras.max, () => ({ path: `user/lora-${Math.random()}` })),
          controlnets: times(listLimits.controlnets.max, () => ({ path: "c/n", image_url: init })),
          ip_adapter: times(listLimits.ip_adapter.max, () => ({ path: "h94/IP-Adapter", ip_adapter_image_url: init })),
          num_images: 8,
          num_inference_steps: 1,
        },
        pollInterval: 200,
      })
      .finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const started = performance.now();
      await (await fetch(`${baseURL}/api/health`)).text();
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await heavy;
    return [
      { name: "health p95 during the run", value: percentile(latencies, 95), unit: "ms", max: 250 },
      { name: "health max during the run", value: Math.max(...latencies), unit: "ms", max: 1000 },
    ];
  },
};

export default bench;
