import { percentile, type Bench } from "./harness";

/** Time from submit to result through the proxy and the simulator, one run at a time. */
const bench: Bench = {
  name: "Simulator round trip",
  about: "Submit to result with the real fal client through the proxy, one run of 10 steps at a time.",
  async run({ baseURL }) {
    const { createFalClient } = await import("@fal-ai/client");
    const fal = createFalClient({ proxyUrl: { url: `${baseURL}/api/fal/proxy`, when: "always" } });
    const durations: number[] = [];
    for (let index = 0; index < 20; index += 1) {
      const started = performance.now();
      await fal.subscribe("fal-ai/lora/image-to-image", {
        input: {
          model_name: "stabilityai/stable-diffusion-xl-base-1.0",
          prompt: `bench ${index}`,
          num_inference_steps: 10,
        },
        pollInterval: 50,
      });
      durations.push(performance.now() - started);
    }
    return {
      results: [
        { name: "round trip p50", value: percentile(durations, 50), unit: "ms" },
        { name: "round trip p95", value: percentile(durations, 95), unit: "ms" },
      ],
    };
  },
};

export default bench;
