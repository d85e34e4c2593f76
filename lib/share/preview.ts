import "server-only";
import { serverEnv } from "@/lib/env";
import { serverPublicFetch } from "@/lib/http/public-fetch";
import { BoundedCache } from "@/lib/simulator/bounded-cache";
import { getSimulator } from "@/lib/simulator/simulator";
import { type LinkReading, noPreviewReason, readLinkPayload } from "./link-payload";
import { type CardImage, drawPreviewCard } from "./preview-card";
import { loadPreviewImage, type PreviewImageSource } from "./preview-image";
import { shareSummary } from "./share-summary";

/** A drawn card, or why none is drawn (a 4xx names what could not be read; a 503 asks to come back). */
export type PreviewAnswer =
  | { status: 200; jpeg: Buffer; maxAgeSeconds: number }
  | { status: 400 | 503; detail: string; retryAfterSeconds?: number };

type Drawn = { jpeg: Buffer; transient: boolean; drawnAt: number };

export type PreviewRendererOptions = {
  source: () => PreviewImageSource;
  /** Cards drawn at once; more wait their turn, and past `maxWaiting` are asked to come back. */
  maxConcurrent?: number;
  maxWaiting?: number;
  cacheBytes?: number;
  cacheTtlMs?: number;
  /** How long a card drawn without its image (fal did not answer) is kept before trying again. */
  transientMs?: number;
  now?: () => number;
};

const MAX_AGE_SECONDS = 24 * 60 * 60;
const TRANSIENT_MAX_AGE_SECONDS = 60;

/**
 * Draws shared links' preview cards, each once: drawn cards are cached by link, the same card asked
 * for twice at once is drawn once, and only a few are drawn at a time, so a flood of links cannot
 * take the server from everyone else.
 */
export function createPreviewRenderer(options: PreviewRendererOptions) {
  const { maxConcurrent = 2, maxWaiting = 16, transientMs = 60_000, now = Date.now } = options;
  const cache = new BoundedCache<string, Drawn>({
    ttlMs: options.cacheTtlMs ?? 60 * 60_000,
    maxWeight: options.cacheBytes ?? 32 * 1024 * 1024,
    weigh: (drawn) => drawn.jpeg.byteLength,
    now,
  });
  const drawing = new Map<string, Promise<Drawn>>();
  const queue: (() => void)[] = [];
  let active = 0;

  /** A turn to draw: now, after those waiting, or "busy" when too many wait already. */
  function turn(): Promise<void> | "busy" {
    if (active < maxConcurrent) {
      active++;
      return Promise.resolve();
    }
    if (queue.length >= maxWaiting) return "busy";
    return new Promise<void>((resolve) => queue.push(resolve));
  }

  /** Hands the turn to the next waiting, or frees it. */
  function done(): void {
    const next = queue.shift();
    if (next) next();
    else active--;
  }

  async function draw(reading: LinkReading): Promise<Drawn> {
    try {
      let image: CardImage = { kind: "none" };
      let transient = false;
      if (reading.run?.image) ({ image, transient } = await loadPreviewImage(reading.run.image, options.source()));
      else if (reading.run) image = { kind: "missing", note: "The link carries no image of the run." };
      const jpeg = await drawPreviewCard(shareSummary(reading.values, reading.run?.seed), image);
      return { jpeg, transient, drawnAt: now() };
    } finally {
      done();
    }
  }

  return async function preview(payload: string, origin: string): Promise<PreviewAnswer> {
    const key = `${origin} ${payload}`;
    const cached = cache.get(key);
    if (cached && !(cached.transient && now() - cached.drawnAt > transientMs)) return answer(cached);
    const reading = readLinkPayload(payload, origin);
    const refused = noPreviewReason(reading);
    if (refused) return { status: 400, detail: refused };
    let pending = drawing.get(key);
    if (!pending) {
      const ready = turn();
      if (ready === "busy") {
        return { status: 503, detail: "Too many previews are being drawn; try again shortly.", retryAfterSeconds: 5 };
      }
      pending = ready.then(() => draw(reading));
      drawing.set(key, pending);
      void pending.then(
        (drawn) => cache.set(key, drawn),
        () => undefined,
      );
      void pending.finally(() => drawing.delete(key)).catch(() => undefined);
    }
    return answer(await pending);
  };
}

function answer(drawn: Drawn): PreviewAnswer {
  return {
    status: 200,
    jpeg: drawn.jpeg,
    maxAgeSeconds: drawn.transient ? TRANSIENT_MAX_AGE_SECONDS : MAX_AGE_SECONDS,
  };
}

// On globalThis: Next may evaluate a route's modules more than once, and the cache must be one.
const holder = globalThis as typeof globalThis & {
  __falLoraPlaygroundPreviews?: ReturnType<typeof createPreviewRenderer>;
};

/** The server's renderer: simulator files from this process's simulator, fal's images through the guard. */
export function sharePreview(payload: string, origin: string): Promise<PreviewAnswer> {
  holder.__falLoraPlaygroundPreviews ??= createPreviewRenderer({
    source: () => ({
      fetch: serverPublicFetch(),
      simulatorFiles: serverEnv().mode === "simulator" ? getSimulator().files : undefined,
    }),
  });
  return holder.__falLoraPlaygroundPreviews(payload, origin);
}
