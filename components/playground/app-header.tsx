import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme/theme-toggle";

/** The page's one line of chrome: name, mode status and theme. */
export function AppHeader({ status }: { status: ReactNode }) {
  return (
    <header className="relative flex shrink-0 flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 bg-white px-4 py-2 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex min-w-0 items-center gap-2">
        {/* A decorative 28 px icon: low priority, so it is not preloaded ahead of the page's own CSS and scripts. */}
        {/* eslint-disable-next-line @next/next/no-img-element -- the app icon, an SVG served by Next's metadata files */}
        <img src="/icon.svg" alt="" width={28} height={28} fetchPriority="low" className="size-7 shrink-0" />
        <h1 className="text-base font-semibold whitespace-nowrap">fal LoRA playground</h1>
        <p className="hidden truncate text-sm text-zinc-500 xl:block">
          Image-to-image with Stable Diffusion and SDXL on <code className="font-mono">fal-ai/lora/image-to-image</code>
        </p>
      </div>
      <div className="ml-auto flex items-center gap-2">
        {status}
        <ThemeToggle />
      </div>
    </header>
  );
}
