import "server-only";

export type BoundedCacheOptions<V> = {
  /** How long an entry lives after it was set. */
  ttlMs: number;
  maxEntries?: number;
  /** Upper bound on the sum of `weigh(value)` over all entries (bytes, say). */
  maxWeight?: number;
  weigh?: (value: V) => number;
  /** How often expired entries are swept; defaults to the TTL, at most a minute. */
  sweepIntervalMs?: number;
  now?: () => number;
};

type Entry<V> = { value: V; weight: number; expiresAt: number };

/**
 * A map bounded by age, count and total weight. Reads refresh recency; when a bound is hit the
 * least recently used entries go first. Expired entries are dropped on access and by a sweep
 * that never keeps the process alive.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly maxWeight: number;
  private readonly weigh: (value: V) => number;
  private readonly now: () => number;
  private readonly sweeper: ReturnType<typeof setInterval>;
  private totalWeight = 0;

  constructor(options: BoundedCacheOptions<V>) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? Number.POSITIVE_INFINITY;
    this.maxWeight = options.maxWeight ?? Number.POSITIVE_INFINITY;
    this.weigh = options.weigh ?? (() => 0);
    this.now = options.now ?? Date.now;
    const interval = options.sweepIntervalMs ?? Math.min(Math.max(options.ttlMs, 1_000), 60_000);
    this.sweeper = setInterval(() => this.sweep(), interval);
    this.sweeper.unref();
  }

  get size(): number {
    return this.entries.size;
  }

  get weight(): number {
    return this.totalWeight;
  }

  has(key: K): boolean {
    return this.live(key) !== undefined;
  }

  /** The value, marking it most recently used. */
  get(key: K): V | undefined {
    const entry = this.live(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The value, leaving recency untouched. */
  peek(key: K): V | undefined {
    return this.live(key)?.value;
  }

  /** Stores `value` (for `ttlMs`, the cache's own by default); false (and nothing stored) when it alone outweighs the cache. */
  set(key: K, value: V, ttlMs = this.ttlMs): boolean {
    const weight = this.weigh(value);
    this.delete(key);
    if (weight > this.maxWeight || this.maxEntries < 1) return false;
    this.entries.set(key, { value, weight, expiresAt: this.now() + ttlMs });
    this.totalWeight += weight;
    this.evictOverflow();
    return true;
  }

  delete(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.totalWeight -= entry.weight;
    return true;
  }

  /** Drops every expired entry. */
  sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
    this.totalWeight = 0;
  }

  /** Stops the sweep; the cache stays usable. */
  dispose(): void {
    clearInterval(this.sweeper);
  }

  private live(key: K): Entry<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    return entry;
  }

  private evictOverflow(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.totalWeight <= this.maxWeight) return;
      this.delete(key);
    }
  }
}
