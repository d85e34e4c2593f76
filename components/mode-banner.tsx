export type PlaygroundMode = "fal" | "simulator";

type ModeBannerProps = { mode: PlaygroundMode; serverHasKey: boolean };

export function ModeBanner({ mode, serverHasKey }: ModeBannerProps) {
  if (mode === "fal") {
    return (
      <div role="status" className="bg-emerald-600 px-4 py-2 text-center text-sm text-white">
        Live mode: runs go to fal.ai{" "}
        {serverHasKey ? "and are billed to this playground's fal key, or to yours if you enter it." : "and need your own fal key."}
      </div>
    );
  }
  return (
    <div role="status" className="bg-amber-400 px-4 py-2 text-center text-sm text-amber-950">
      Simulator mode: runs go to the embedded simulator, not to fal.ai. Its images are procedural previews, not
      Stable Diffusion output.{" "}
      {serverHasKey ? (
        <>
          <code className="font-mono">FAL_MODE=simulator</code> is set on the server.
        </>
      ) : (
        <>
          Set <code className="font-mono">FAL_KEY</code> on the server to run on fal.ai.
        </>
      )}
    </div>
  );
}
