import type { ReactNode } from "react";
import { RUN_SETTINGS_FORM_ID } from "@/components/form/show-server-errors";
import { Button } from "@/components/ui/button";

/**
 * Run, always in reach: at the foot of the settings pane on wide screens, stuck to the bottom of
 * the screen on phones. It sits outside the form so it can, and names the form with `form=`.
 * `tools` are what else starts runs from the form (Sweep); `price` what a run is expected to cost.
 * Opaque, not blurred: under a bar 95% opaque a backdrop blur could hardly be seen, and it costs a
 * filter pass over what lies beneath on every frame the page scrolls.
 */
export function RunBar({ tools, price }: { tools?: ReactNode; price?: ReactNode }) {
  return (
    <div className="sticky bottom-0 z-20 flex items-center gap-2 border-t border-zinc-200 bg-white px-4 py-3 max-lg:order-last dark:border-zinc-800 dark:bg-zinc-900">
      <Button type="submit" form={RUN_SETTINGS_FORM_ID} variant="primary" size="lg" className="flex-1">
        Run <span className="text-xs font-normal text-accent-100">(Ctrl/⌘+Enter)</span>
      </Button>
      {tools}
      {price}
    </div>
  );
}
