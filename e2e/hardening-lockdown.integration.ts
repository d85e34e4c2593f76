import { createFalClient, withMiddleware, withProxy } from "@fal-ai/client";
import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CANARY_FAL_KEY } from "./fixtures/canary";

const SUBMIT = "https://queue.fal.run/fal-ai/lora/image-to-image";
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"];
const HOSTILE = [
  "https://evil.example/fal-ai/lora/image-to-image",
  "https://queue.fal.run.evil.example/fal-ai/lora/image-to-image",
  "https://queue.fal.run@evil.example/fal-ai/lora/image-to-image",
  "http://169.254.169.254/latest/meta-data/",
  "https://127.0.0.1/fal-ai/lora/image-to-image",
  "https://queue.fal.run/fal-ai/flux/dev",
  "https://queue.fal.run/fal-ai/lora/requests/%2e%2e/status",
  "http://queue.fal.run/fal-ai/lora/image-to-image",
  "https://queue.fal.run:8443/fal-ai/lora/image-to-image",
  "file:///etc/passwd",
];
const input = {
  model_name: "stabilityai/stable-diffusion-xl-base-1.0",
  prompt: "a lighthouse",
  num_inference_steps: 4,
};

test("the running server refuses hostile targets for every method", async ({ request }) => {
  for (const target of HOSTILE) {
    for (const method of METHODS) {
      const response = await request.fetch("/api/fal/proxy", {
        method,
        headers: { "x-fal-target-url": target, "content-type": "application/json" },
        data: method === "GET" ? undefined : JSON.stringify(input),
      });
      expect(response.status(), `${method} ${target}`).toBeGreaterThanOrEqual(400);
      expect(response.status(), `${method} ${target}`).toBeLessThan(500);
    }
  }
});

test("an oversized submit gets 413 telling the user to upload images", async ({ request }) => {
  const response = await request.post("/api/fal/proxy", {
    headers: { "x-fal-target-url": SUBMIT, "content-type": "application/json" },
    data: JSON.stringify({ ...input, image_url: `data:image/png;base64,${"A".repeat(1_200_000)}` }),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).detail).toMatch(/Upload images/);
});

test("the canary FAL_KEY is nowhere in the client bundle or in answers", async ({ request }) => {
  const files = readdirSync(".next/static", { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  expect(files.length).toBeGreaterThan(10);
  const leaking = files.filter((entry) =>
    readFileSync(join(entry.parentPath, entry.name), "utf8").includes("e2e-canary"),
  );
  expect(leaking.map((entry) => entry.name)).toEqual([]);
  for (const path of ["/", "/api/health", "/sign-in"]) {
    const response = await request.get(path);
    expect(JSON.stringify(response.headers()) + (await response.text())).not.toContain(CANARY_FAL_KEY);
  }
});

/** What the client saw of one call: its HTTP status, or "dropped" when the answer broke off. */
type Seen = { call: "submit" | "result" | "other"; outcome: number | "dropped" };

/** A fetch that notes how each submit and result call answered before the client reads it. */
function watchingFetch(seen: Seen[]): typeof fetch {
  return async (input, init) => {
    const target = new Headers(init?.headers).get("x-fal-target-url") ?? "";
    const call = target === SUBMIT ? "submit" : /\/requests\/[^/]+$/.test(target) ? "result" : "other";
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      seen.push({ call, outcome: "dropped" });
      throw error;
    }
    if (call === "other") return response;
    const whole = await response
      .clone()
      .arrayBuffer()
      .then(
        () => true,
        () => false,
      );
    seen.push({ call, outcome: whole ? response.status : "dropped" });
    return response;
  };
}

test("the real client rides out 5xx answers and a dropped connection", async ({ baseURL }) => {
  const spec = `error=1,drop=1,on=submit+result,id=client-${Date.now()}`;
  const seen: Seen[] = [];
  const fal = createFalClient({
    fetch: watchingFetch(seen),
    requestMiddleware: withMiddleware(
      withProxy({ targetUrl: `${baseURL}/api/fal/proxy`, when: "always" }),
      async (config) => ({
        ...config,
        headers: { ...config.headers, "x-fal-simulator-faults": spec },
      }),
    ),
  });
  const result = await fal.subscribe("fal-ai/lora/image-to-image", { input, pollInterval: 100 });
  expect(result.data.images).toHaveLength(1);
  // The faults really fired: each call failed once with a 503, then broke off (which the proxy answers
  // with a 502), then went through.
  const outcomes = (call: Seen["call"]) => seen.filter((item) => item.call === call).map((item) => item.outcome);
  expect(outcomes("submit")).toEqual([503, 502, 200]);
  expect(outcomes("result")).toEqual([503, 502, 200]);
});

test("bounded load: 16 concurrent runs, none lost or duplicated", async ({ baseURL }) => {
  const fal = createFalClient({ proxyUrl: { url: `${baseURL}/api/fal/proxy`, when: "always" } });
  const seeds = Array.from({ length: 16 }, (_, index) => 1000 + index);
  const results = await Promise.all(
    seeds.map((seed) => fal.subscribe("fal-ai/lora/image-to-image", { input: { ...input, seed }, pollInterval: 100 })),
  );
  expect(results.map((result) => result.data.seed)).toEqual(seeds);
  expect(new Set(results.map((result) => result.requestId)).size).toBe(seeds.length);
  expect(new Set(results.map((result) => result.data.images[0]?.url)).size).toBe(seeds.length);
});
