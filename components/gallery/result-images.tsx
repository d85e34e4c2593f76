import type { Run } from "@/lib/runs/run-state";

/** The images of finished runs, newest first. */
export function ResultImages({ runs }: { runs: Run[] }) {
  const images = runs.flatMap((run) =>
    (run.output?.images ?? []).map((image, index) => ({ run, image, index })),
  );
  if (images.length === 0) {
    return <p className="text-sm text-zinc-500">Results appear here.</p>;
  }
  return (
    <ul aria-label="Results" className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {images.map(({ run, image, index }) => (
        <li key={`${run.id}-${index}`} className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
          {/* eslint-disable-next-line @next/next/no-img-element -- result URLs come from fal's CDN or the simulator */}
          <img
            src={image.url}
            alt={`Result ${index + 1} of run ${run.requestId ?? run.id}`}
            width={image.width}
            height={image.height}
            className="h-auto w-full"
          />
          <p className="px-2 py-1 text-xs text-zinc-500">
            {image.width} × {image.height} · {image.content_type} · seed {run.output?.seed}
          </p>
        </li>
      ))}
    </ul>
  );
}
