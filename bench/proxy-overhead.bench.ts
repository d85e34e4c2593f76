import { createFalClient } from "@fal-ai/client";
import { endpointId } from "@/lib/fal/browser-client";
import { SIMULATOR_BASE_PATH } from "@/lib/simulator/paths";
import { percentile, type Bench } from "./harness";

const SEQUENTIAL_CALLS = 400;
const CONCURRENT_CALLS = 800;
const CONCURRENCY = 8;

type Call = () => Promise<void>;

/** One status call; anything but the COMPLETED answer (200) means the figures would be of an error page. */
function statusCall(url: string, headers: Record<string, string>): Call {
  return async () => {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) {
      const hint =
        response.status === 401 || response.status === 403
          ? " (set BENCH_SIMULATOR_AUTHORIZATION to the proxy's hop key)"
          : "";
      throw new Error(`Status call to ${url} answered ${response.status}${hint}`);
    }
  };
}

async function timed(call: Call): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

/** Calls per second with `CONCURRENCY` callers sharing `CONCURRENT_CALLS` calls. */
async function throughput(call: Call): Promise<number> {
  let left = CONCURRENT_CALLS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left > 0) {
        left -= 1;
        await call();
      }
    }),
  );
  return CONCURRENT_CALLS / ((performance.now() - started) / 1000);
}

/**
 * The same status call through `/api/fal/proxy` (guard, key, forwarding over loopback) and straight to
 * the simulator, alternating call by call so both see the same load.
 */
const bench: Bench = {
  name: "Proxy overhead",
  about:
    `Status calls of a completed run through /api/fal/proxy and straight to the simulator's route: ${SEQUENTIAL_CALLS} ` +
    `one at a time each way, alternating, then ${CONCURRENT_CALLS} with ${CONCURRENCY} callers each way.`,
  async run({ baseURL, simulatorAuthorization }) {
    const fal = createFalClient({ proxyUrl: { url: `${baseURL}/api/fal/proxy`, when: "always" } });
    const submitted = await fal.queue.submit(endpointId, {
      input: {
        model_name: "stabilityai/stable-diffusion-xl-base-1.0",
        prompt: "proxy overhead",
        num_inference_steps: 1,
      },
    });
    await fal.queue.subscribeToStatus(endpointId, {
      requestId: submitted.request_id,
      mode: "polling",
      pollInterval: 50,
    });

    // fal's status URL as the queue gave it, and where the proxy maps it on the simulator (lib/proxy/upstream.ts).
    const statusUrl = submitted.status_url;
    const direct = statusCall(`${baseURL}${SIMULATOR_BASE_PATH}/queue${new URL(statusUrl).pathname}`, {
      authorization: simulatorAuthorization,
    });
    const proxied = statusCall(`${baseURL}/api/fal/proxy`, { "x-fal-target-url": statusUrl });

    for (let index = 0; index < 50; index += 1) await Promise.all([direct(), proxied()]);
    const directMs: number[] = [];
    const proxiedMs: number[] = [];
    for (let index = 0; index < SEQUENTIAL_CALLS; index += 1) {
      if (index % 2) directMs.push(await timed(direct));
      proxiedMs.push(await timed(proxied));
      if (!(index % 2)) directMs.push(await timed(direct));
    }
    const directRate = await throughput(direct);
    const proxiedRate = await throughput(proxied);
    const directP50 = percentile(directMs, 50);
    return {
      results: [
        { name: "status call straight to the simulator p50", value: directP50, unit: "ms" },
        {
          name: "status call through the proxy p50",
          value: percentile(proxiedMs, 50),
          unit: "ms",
          baseline: { label: "straight", value: directP50 },
        },
        { name: "added by the proxy at p50", value: percentile(proxiedMs, 50) - directP50, unit: "ms", max: 1 },
        { name: "added by the proxy at p95", value: percentile(proxiedMs, 95) - percentile(directMs, 95), unit: "ms" },
        { name: "throughput straight to the simulator", value: directRate, unit: "calls/s" },
        {
          name: `throughput through the proxy (${CONCURRENCY} callers)`,
          value: proxiedRate,
          unit: "calls/s",
          baseline: { label: "straight", value: directRate },
          minRatio: 0.8,
        },
      ],
    };
  },
};

export default bench;
