import type { ReactNode } from "react";
import { RUN_SETTINGS_FORM_ID } from "@/components/form/show-server-errors";

/**
 * Run, always in reach: at the foot of the settings pane on wide screens, stuck to the bottom of
 * the screen on phones. It sits outside the form so it can, and names the form with `form=`.
 * `tools` are what else starts runs from the form (Sweep); `price` what a run is expected to cost.
 */
export function RunBar({ tools, price }: { tools?: ReactNode; price?: ReactNode }) {
  return (
    <div className="sticky bottom-0 z-20 flex items-center gap-2 border-t border-zinc-200 bg-white/95 px-4 py-3 backdrop-blur max-lg:order-last dark:border-zinc-800 dark:bg-zinc-900/95">
      <button
        type="submit"
        form={RUN_SETTINGS_FORM_ID}
        className="min-h-11 flex-1 rounded-lg bg-accent-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
      >
        Run <span className="text-xs font-normal text-accent-100">(Ctrl/⌘+Enter)</span>
      </button>
      {tools}
      {price}
    </div>
  );
}
