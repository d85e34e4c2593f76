import { FalKeyControl } from "@/components/access/fal-key-control";
import { ModeBanner } from "@/components/mode-banner";
import { Playground } from "@/components/playground/playground";
import { serverEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function Home() {
  const { mode, FAL_KEY } = serverEnv();
  return (
    <>
      <ModeBanner mode={mode} serverHasKey={Boolean(FAL_KEY)} />
      <header className="mx-auto max-w-6xl px-4 pt-6">
        <h1 className="text-2xl font-semibold">fal LoRA playground</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Image-to-image with Stable Diffusion and SDXL on <code className="font-mono">fal-ai/lora/image-to-image</code>.
        </p>
      </header>
      {mode === "fal" && <FalKeyControl serverHasKey={Boolean(FAL_KEY)} />}
      <main>
        <Playground mode={mode} />
      </main>
    </>
  );
}
