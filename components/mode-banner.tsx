export type PlaygroundMode = "fal" | "simulator";

export function ModeBanner({ mode }: { mode: PlaygroundMode }) {
  if (mode === "fal") {
    return (
      <div role="status" className="bg-emerald-600 px-4 py-2 text-center text-sm text-white">
        Live mode: runs go to fal.ai and are billed to the server&apos;s fal key.
      </div>
    );
  }
  return (
    <div role="status" className="bg-amber-400 px-4 py-2 text-center text-sm text-amber-950">
      Simulator mode: no fal key is set, so runs go to the embedded simulator. Its images are procedural
      previews, not Stable Diffusion output. Set <code className="font-mono">FAL_KEY</code> to run on fal.ai.
    </div>
  );
}
