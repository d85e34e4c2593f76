import { afterEach, describe, expect, it, vi } from "vitest";
import { BoundedCache, type BoundedCacheOptions } from "./bounded-cache";

describe("BoundedCache", () => {
  let clock = 0;
  const caches: BoundedCache<string, string>[] = [];
  const make = (options: Partial<BoundedCacheOptions<string>> = {}) => {
    const cache = new BoundedCache<string, string>({ ttlMs: 1_000, now: () => clock, ...options });
    caches.push(cache);
    return cache;
  };

  afterEach(() => {
    caches.splice(0).forEach((cache) => cache.dispose());
    clock = 0;
    vi.useRealTimers();
  });

  it("drops entries once their TTL has passed", () => {
    const cache = make();
    cache.set("a", "1");
    clock = 999;
    expect(cache.get("a")).toBe("1");
    clock = 1_000;
    expect(cache.get("a")).toBeUndefined();
    expect(cache.has("a")).toBe(false);
    expect(cache.size).toBe(0);
  });

  it("sweeps expired entries on its interval without being read", () => {
    vi.useFakeTimers();
    const cache = make({ sweepIntervalMs: 100, weigh: (value) => value.length });
    cache.set("a", "xxxx");
    clock = 2_000;
    expect(cache.weight).toBe(4);
    vi.advanceTimersByTime(100);
    expect(cache.size).toBe(0);
    expect(cache.weight).toBe(0);
  });

  it("evicts the least recently used entry past maxEntries", () => {
    const cache = make({ maxEntries: 2 });
    cache.set("a", "1");
    cache.set("b", "2");
    cache.get("a");
    cache.set("c", "3");
    expect(cache.has("a")).toBe(true);
    expect(cache.has("b")).toBe(false);
    expect(cache.has("c")).toBe(true);
  });

  it("evicts by total weight and refuses a value heavier than the whole cache", () => {
    const cache = make({ maxWeight: 10, weigh: (value) => value.length });
    cache.set("a", "aaaa");
    cache.set("b", "bbbb");
    cache.set("c", "cccc");
    expect(cache.has("a")).toBe(false);
    expect([cache.has("b"), cache.has("c")]).toEqual([true, true]);
    expect(cache.weight).toBe(8);
    expect(cache.set("huge", "x".repeat(11))).toBe(false);
    expect(cache.has("huge")).toBe(false);
    expect(cache.weight).toBe(8);
  });

  it("replacing a key updates the weight and the expiry", () => {
    const cache = make({ weigh: (value) => value.length });
    cache.set("a", "aa");
    clock = 900;
    cache.set("a", "aaaaa");
    expect(cache.weight).toBe(5);
    clock = 1_500;
    expect(cache.peek("a")).toBe("aaaaa");
    expect(cache.delete("a")).toBe(true);
    expect(cache.weight).toBe(0);
  });
});
