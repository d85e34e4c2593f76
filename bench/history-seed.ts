import { build } from "esbuild";
import type { Run } from "@/lib/runs/run-state";

/**
 * The app's own history module (`lib/history/run-history.ts`), bundled for the page: the benchmark
 * writes runs exactly as the page stores them, so a change of format changes the seed with it.
 */
export async function historyModuleScript(): Promise<string> {
  const bundled = await build({
    stdin: {
      contents: 'export { openRunHistory } from "@/lib/history/run-history";',
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    globalName: "benchHistory",
    platform: "browser",
    target: "es2022",
    tsconfig: "tsconfig.json",
    write: false,
    logLevel: "silent",
  });
  const [output] = bundled.outputFiles;
  if (!output) throw new Error("esbuild produced no history module");
  return output.text;
}

export const IMAGES_PER_RUN = 4;

/** `count` finished runs of four images each, newest last; the newest prompt carries `marker`. */
export function historyRuns(baseURL: string, count: number, marker: string): Run[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, index): Run => {
    const startedAt = now - (count - index) * 60_000;
    const images = Array.from({ length: IMAGES_PER_RUN }, (_, image) => ({
      // Distinct URLs, as real results have; served by the playground itself, so nothing leaves the machine.
      url: `${baseURL}/presets/style-swirls.png?run=${index}&image=${image}`,
      content_type: "image/png",
      file_name: `run-${index}-${image}.png`,
      file_size: 11_713,
      width: 512,
      height: 512,
    }));
    return {
      id: `bench-${index}`,
      requestId: `bench-request-${index}`,
      input: {
        model_name: "stabilityai/stable-diffusion-xl-base-1.0",
        prompt: index === count - 1 ? marker : `history run ${index}, a harbour at dawn, watercolour`,
        num_images: IMAGES_PER_RUN,
        seed: index,
      },
      status: "completed",
      logs: [1, 2, 3].map((step) => ({
        message: `Step ${step}/3`,
        level: "INFO",
        timestamp: new Date(startedAt + step * 100).toISOString(),
      })),
      output: { images, seed: index, has_nsfw_concepts: images.map(() => false) },
      inferenceTime: 1.2,
      startedAt,
      endedAt: startedAt + 1_500,
    };
  });
}
