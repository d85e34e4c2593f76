import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startServer, stopServer } from "../test/next-server";
import { startRedis, stopRedis } from "../test/redis-server";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const REDIS_PORT = BASE_PORT + 70;
const ORIGINS = [BASE_PORT + 72, BASE_PORT + 73].map((port) => `http://127.0.0.1:${port}`);
const BUDGET = 4;
const input = {
  model_name: "stabilityai/stable-diffusion-xl-base-1.0",
  prompt: "two instances",
  num_inference_steps: 1,
};

let redis: ChildProcess | undefined;
const servers: ChildProcess[] = [];

// Two instances of the same build behind one Redis, as behind a load balancer.
test.beforeAll(async () => {
  test.setTimeout(180_000);
  redis = await startRedis(REDIS_PORT);
  const env = {
    REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
    RATE_LIMIT_SUBMITS_PER_MINUTE: String(BUDGET),
    SIMULATOR_STEP_MS: "1",
  };
  servers.push(...(await Promise.all(ORIGINS.map((origin) => startServer(Number(new URL(origin).port), env)))));
});

test.afterAll(async () => {
  servers.forEach(stopServer);
  if (redis) await stopRedis(redis);
});

const submitTo = (origin: string) =>
  fetch(`${origin}/api/fal/proxy`, {
    method: "POST",
    headers: {
      "x-fal-target-url": "https://queue.fal.run/fal-ai/lora/image-to-image",
      "content-type": "application/json",
    },
    body: JSON.stringify(input),
  });

test("two instances share one submit budget in Redis, and keep answering when Redis goes away", async () => {
  const [first = "", second = ""] = ORIGINS;
  const statuses: number[] = [];
  for (let index = 0; index < BUDGET + 2; index++)
    statuses.push((await submitTo(index % 2 === 0 ? first : second)).status);
  // One budget across both: were the counts per instance, all six would pass.
  expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);

  if (redis) await stopRedis(redis);
  // Each instance falls back to counting in memory: no request fails because Redis is gone.
  const afterRedis: number[] = [];
  for (let index = 0; index < 4; index++) afterRedis.push((await submitTo(index % 2 === 0 ? first : second)).status);
  expect(afterRedis).toEqual([200, 200, 200, 200]);
  for (const origin of ORIGINS) expect((await fetch(`${origin}/api/health`)).ok).toBe(true);
});
