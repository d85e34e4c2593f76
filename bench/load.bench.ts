import type { Bench } from "./harness";
import { serverRssMiB } from "./server-memory";

const RUNS = Number(process.env.LOAD_RUNS ?? 50);

/** N concurrent runs through the proxy and the simulator: every one must come back once, and only once. */
const bench: Bench = {
  name: "Load",
  about: `${RUNS} concurrent runs of 10 steps through the proxy and the simulator with the real fal client: none lost or doubled.`,
  repeats: 1,
  async run({ baseURL }) {
    const { createFalClient } = await import("@fal-ai/client");
    const fal = createFalClient({ proxyUrl: { url: `${baseURL}/api/fal/proxy`, when: "always" } });
    const port = Number(new URL(baseURL).port);
    const rssBefore = serverRssMiB(port);
    const seeds = Array.from({ length: RUNS }, (_, index) => 5000 + index);
    const started = performance.now();
    const settled = await Promise.allSettled(
      seeds.map((seed) =>
        fal.subscribe("fal-ai/lora/image-to-image", {
          input: {
            model_name: "stabilityai/stable-diffusion-xl-base-1.0",
            prompt: `load ${seed}`,
            seed,
            num_inference_steps: 10,
          },
          pollInterval: 100,
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const done = settled.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
    const returnedSeeds = done.map((result) => result.data.seed);
    const lost = seeds.filter((seed) => !returnedSeeds.includes(seed)).length;
    const duplicated =
      returnedSeeds.length - new Set(returnedSeeds).size + (done.length - new Set(done.map((r) => r.requestId)).size);
    return {
      results: [
        { name: "runs lost", value: lost, unit: "runs", max: 0 },
        { name: "runs duplicated", value: duplicated, unit: "runs", max: 0 },
        { name: "throughput", value: done.length / seconds, unit: "runs/s" },
        { name: "wall time", value: seconds, unit: "s" },
        { name: "server RSS before", value: rssBefore, unit: "MiB" },
        { name: "server RSS after", value: serverRssMiB(port), unit: "MiB", max: 1024 },
      ],
    };
  },
};

export default bench;
