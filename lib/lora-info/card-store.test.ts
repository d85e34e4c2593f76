import { afterEach, describe, expect, it, vi } from "vitest";
import { cardState, requestCard, runCards, subscribe } from "./card-store";
import type { WeightsCard } from "./card";

const card = (path: string, extra: Partial<WeightsCard> = {}): WeightsCard => ({
  path,
  role: "lora",
  source: "url",
  triggerWords: [],
  notes: [],
  ...extra,
});

/** Resolves once the store has told its listeners `times` more times. */
function changes(times = 1): Promise<void> {
  return new Promise((resolve) => {
    let left = times;
    const stop = subscribe(() => {
      left -= 1;
      if (left === 0) {
        stop();
        resolve();
      }
    });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("the page's card store", () => {
  it("asks once per query, and keeps the answer for the run that starts with it", async () => {
    const fetch = vi.fn(async () => Response.json(card("https://cdn.example/a.safetensors")));
    vi.stubGlobal("fetch", fetch);
    const query = { path: "https://cdn.example/a.safetensors", role: "lora" as const };
    const ready = changes(2);
    requestCard(query);
    requestCard(query);
    expect(cardState(query)).toEqual({ status: "loading" });
    await ready;
    requestCard(query);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(cardState(query)).toMatchObject({ status: "ready", card: { path: query.path } });
    expect(runCards({ model_name: "unknown/model", loras: [{ path: query.path }, { path: "other/lora" }] })).toEqual({
      model: undefined,
      loras: [card(query.path), null],
    });
  });

  it("says when the server asks it to wait or cannot be reached, and asks again once due", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        Response.json({ detail: "Too many lookups" }, { status: 429, headers: { "retry-after": "7" } }),
      ),
    );
    const limited = { path: "https://cdn.example/b.safetensors", role: "lora" as const };
    let done = changes(2);
    requestCard(limited);
    await done;
    expect(cardState(limited)).toMatchObject({
      status: "ready",
      card: { problem: { kind: "rate-limited", message: "Too many lookups at once; looking again in 7 s." } },
      retryAt: expect.any(Number),
    });

    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    const offline = { path: "https://cdn.example/c.safetensors", role: "lora" as const };
    done = changes(2);
    requestCard(offline);
    await done;
    expect(cardState(offline)).toMatchObject({
      card: { problem: { kind: "unreachable", message: "Could not reach the playground's server to look this up." } },
    });
  });
});
