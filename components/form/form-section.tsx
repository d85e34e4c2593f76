import type { ReactNode } from "react";

type FormSectionProps = { title: string; summary?: string; children: ReactNode };

/** An advanced group of the form, collapsed until opened (the form opens it to show an error). */
export function FormSection({ title, summary, children }: FormSectionProps) {
  return (
    <details className="group rounded-lg border border-zinc-200 dark:border-zinc-800">
      <summary className="flex cursor-pointer items-baseline justify-between gap-2 rounded-lg px-3 py-2 text-sm font-semibold hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-violet-500 dark:hover:bg-zinc-800/50">
        <span>{title}</span>
        {summary && <span className="truncate text-xs font-normal text-zinc-500">{summary}</span>}
      </summary>
      <div className="flex flex-col gap-3 border-t border-zinc-200 p-3 dark:border-zinc-800">{children}</div>
    </details>
  );
}

export const smallButtonClass =
  "rounded-md border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-100 disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-violet-500 dark:border-zinc-700 dark:hover:bg-zinc-800";
