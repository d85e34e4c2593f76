"use client";

import type { KeyboardEvent } from "react";

type TabListProps<Id extends string> = {
  label: string;
  tabs: readonly { id: Id; label: string }[];
  selected: Id;
  onChange: (tab: Id) => void;
};

/** Tabs with the arrow-key behaviour of an ARIA tab list; tab `x` is `#x-tab` and controls `#x-panel`. */
export function TabList<Id extends string>({ label, tabs, selected, onChange }: TabListProps<Id>) {
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const at = tabs.findIndex((tab) => tab.id === selected);
    const next = tabs[(at + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
    if (!next) return;
    onChange(next.id);
    document.getElementById(`${next.id}-tab`)?.focus();
  }
  return (
    <div
      role="tablist"
      aria-label={label}
      className="flex gap-1 rounded-lg bg-zinc-100 p-1 text-sm ring-1 ring-zinc-200 ring-inset dark:bg-zinc-800 dark:ring-zinc-700/60"
    >
      {tabs.map(({ id, label: tabLabel }) => (
        <button
          key={id}
          id={`${id}-tab`}
          type="button"
          role="tab"
          aria-selected={selected === id}
          aria-controls={`${id}-panel`}
          tabIndex={selected === id ? 0 : -1}
          onClick={() => onChange(id)}
          onKeyDown={onKeyDown}
          className="flex-1 rounded-md px-3 py-1 aria-selected:bg-white aria-selected:font-medium aria-selected:shadow-sm dark:aria-selected:bg-zinc-950"
        >
          {tabLabel}
        </button>
      ))}
    </div>
  );
}
