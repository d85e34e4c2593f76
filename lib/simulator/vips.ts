import "server-only";
import sharp, { type Sharp } from "sharp";

// One libvips thread per operation, and one operation at a time per process (below): however
// heavy a run, rendering takes at most one core, and the event loop that answers requests keeps
// the rest. Each operation is native, so the loop itself never walks pixels.
sharp.concurrency(1);
// Every render is new (its own seed and input), so libvips' operation cache would only hold memory.
sharp.cache(false);

let tail: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const turn = tail.then(work, work);
  tail = turn.catch(() => undefined);
  return turn;
}

/** `sharp(...)`, whose output (`toBuffer`, `stats`) waits for the render slot. */
export function vips(...args: Parameters<typeof sharp>): Sharp {
  const image = sharp(...args);
  const toBuffer = image.toBuffer.bind(image) as (options?: { resolveWithObject: boolean }) => Promise<unknown>;
  const stats = image.stats.bind(image);
  image.toBuffer = ((options?: { resolveWithObject: boolean }) =>
    oneAtATime(() => toBuffer(options))) as Sharp["toBuffer"];
  image.stats = (() => oneAtATime(stats)) as Sharp["stats"];
  return image;
}
