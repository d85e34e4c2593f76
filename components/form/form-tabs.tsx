"use client";

import type { KeyboardEvent } from "react";

export type FormTab = "form" | "json";

const TABS: { id: FormTab; label: string }[] = [
  { id: "form", label: "Form" },
  { id: "json", label: "JSON" },
];

/** Form / JSON switch, with the arrow-key behaviour of an ARIA tab list. */
export function FormTabs({ tab, onChange }: { tab: FormTab; onChange: (tab: FormTab) => void }) {
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const next = tab === "form" ? "json" : "form";
    onChange(next);
    document.getElementById(`${next}-tab`)?.focus();
  }
  return (
    <div role="tablist" aria-label="Edit as" className="flex gap-1 rounded-lg bg-zinc-100 p-1 text-sm dark:bg-zinc-800">
      {TABS.map(({ id, label }) => (
        <button
          key={id}
          id={`${id}-tab`}
          type="button"
          role="tab"
          aria-selected={tab === id}
          aria-controls={`${id}-panel`}
          tabIndex={tab === id ? 0 : -1}
          onClick={() => onChange(id)}
          onKeyDown={onKeyDown}
          className="flex-1 rounded-md px-3 py-1 aria-selected:bg-white aria-selected:font-medium aria-selected:shadow-sm dark:aria-selected:bg-zinc-900"
        >
          {label}
        </button>
      ))}
    </div>
  );
}
