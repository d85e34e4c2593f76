import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { createPublicFetch, type GuardedFetch } from "@/lib/http/public-fetch";
import { createSubmitLimiter } from "@/lib/security/rate-limit";
import { type StandIns, startStandIns } from "@/test/lora-stand-ins";
import { createCardService } from "./card-service";
import { createLoraInfoHandler } from "./handler";
import { cardUrl } from "./query";

let standIns: StandIns;
beforeAll(async () => {
  standIns = await startStandIns();
});
afterAll(() => standIns.close());

/** The guarded fetch, counting the requests that reach out. */
function countingFetch() {
  const guarded = createPublicFetch(undefined, { allowPrivate: true });
  const calls: string[] = [];
  const fetch: GuardedFetch = (url, init) => {
    calls.push(`${new Headers(init?.headers).get("if-none-match") ? "revalidate " : ""}${String(url)}`);
    return guarded(url, init);
  };
  return { fetch, calls };
}

function service(pointsPerMinute = 100, clock = { now: 0 }) {
  const { fetch, calls } = countingFetch();
  const cards = createCardService({
    fetch,
    hfOrigin: standIns.hfOrigin,
    civitaiOrigin: standIns.civitaiOrigin,
    limiter: createSubmitLimiter({ name: `test-${crypto.randomUUID()}`, pointsPerMinute }),
    now: () => clock.now,
  });
  return { cards, calls, clock };
}

describe("the card service", () => {
  it("answers a card it has from its cache, and one lookup for callers asking at once", async () => {
    const { cards, calls } = service();
    const query = { path: `${standIns.origin}/files/kohya-sd15.safetensors`, role: "lora" as const };
    const [first, second] = await Promise.all([cards.card(query, "a"), cards.card(query, "b")]);
    expect(first).toMatchObject({ status: 200, lasting: true, card: { family: { family: "sd1" } } });
    expect(second).toEqual(first);
    const requests = calls.length;
    await cards.card(query, "a");
    expect(calls.length).toBe(requests);
  });

  it("asks a stale card's file whether it changed (ETag), and keeps the card when it did not", async () => {
    const { cards, calls, clock } = service();
    const query = { path: `${standIns.origin}/files/kohya-sdxl.safetensors`, role: "lora" as const };
    const card = await cards.card(query, "a");
    calls.length = 0;
    clock.now += 11 * 60_000;
    expect(await cards.card(query, "a")).toEqual(card);
    expect(calls).toEqual([`revalidate ${query.path}`]);
  });

  it("limits each client's lookups, not its cached cards", async () => {
    const { cards } = service(2);
    const ask = (name: string, client: string) =>
      cards.card({ path: `${standIns.origin}/files/${name}`, role: "lora" }, client);
    await ask("kohya-sd15.safetensors", "a");
    await ask("kohya-sdxl.safetensors", "a");
    expect(await ask("peft-sdxl.safetensors", "a")).toEqual({ status: 429, retryAfterSeconds: expect.any(Number) });
    expect((await ask("kohya-sd15.safetensors", "a")).status).toBe(200);
    expect((await ask("peft-sdxl.safetensors", "b")).status).toBe(200);
  });

  it("keeps a host that could not be reached for a short while only", async () => {
    const { cards } = service();
    const answer = await cards.card({ path: "http://127.0.0.1:9/lora.safetensors", role: "lora" }, "a");
    expect(answer).toMatchObject({ status: 200, lasting: false, card: { problem: { kind: "unreachable" } } });
  });
});

describe("GET /api/lora-info", () => {
  const get = (url: string, headers: Record<string, string> = {}) => {
    const { cards } = service();
    const handler = createLoraInfoHandler(() => ({ env: readEnv({ NODE_ENV: "test" }), service: cards }));
    return handler(new Request(`http://playground${url}`, { headers }));
  };

  it("answers the card with a cache lifetime and an ETag the browser can revalidate", async () => {
    const url = cardUrl({ path: `${standIns.origin}/files/peft-sdxl.safetensors`, role: "lora" });
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, max-age=600");
    expect(await response.json()).toMatchObject({ layout: "peft" });
    const again = await get(url, { "if-none-match": response.headers.get("etag") ?? "" });
    expect(again.status).toBe(304);
  });

  it("refuses a query that is no path, and an unknown role", async () => {
    expect((await get("/api/lora-info?role=lora")).status).toBe(400);
    expect(await (await get("/api/lora-info?role=vae&path=a/b")).json()).toEqual({
      detail: "role must be one of lora, model, controlnet, ip-adapter.",
    });
    expect((await get(`/api/lora-info?path=${"a".repeat(3000)}`)).status).toBe(400);
  });
});
