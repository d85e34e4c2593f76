import type { FalImage, Seed } from "@/lib/fal/output-schema";
import type { Run } from "@/lib/runs/run-state";

export type GalleryItem = {
  key: string;
  run: Run;
  image: FalImage;
  /** The image's place in its run's output. */
  index: number;
  /** The seed as fal sent it back (64-bit when fal picked it). */
  seed: Seed | undefined;
  nsfw: boolean;
};

/** Every result image of the given runs, newest run first, in output order within a run. */
export function galleryItems(runs: readonly Run[]): GalleryItem[] {
  return [...runs]
    .sort((a, b) => b.startedAt - a.startedAt)
    .flatMap((run) => {
      const output = run.output;
      if (!output) return [];
      return output.images.map((image, index) => ({
        key: `${run.id}-${index}`,
        run,
        image,
        index,
        seed: output.seed,
        nsfw: output.has_nsfw_concepts?.[index] === true,
      }));
    });
}
