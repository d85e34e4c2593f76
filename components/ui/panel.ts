/** A tool panel: the share, presets and code panels under the form. */
export const panelClass =
  "flex flex-col gap-3 rounded-xl border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-950";
