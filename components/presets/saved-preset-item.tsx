"use client";

import { useState } from "react";
import { presetNameProblem, type SavedPreset } from "@/lib/presets/user-presets";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

type SavedPresetItemProps = {
  preset: SavedPreset;
  onLoad: () => void;
  onRename: (name: string) => void;
  onDelete: () => void;
};

export function SavedPresetItem({ preset, onLoad, onRename, onDelete }: SavedPresetItemProps) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(preset.name);
  const [error, setError] = useState<string>();
  const inputId = `rename-${preset.id}`;

  function finishRename() {
    const problem = presetNameProblem(name);
    setError(problem);
    if (problem) return;
    onRename(name);
    setRenaming(false);
  }

  return (
    <li className="flex flex-wrap items-center gap-2 rounded-lg border border-zinc-200 p-2 dark:border-zinc-800">
      {renaming ? (
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={inputId} className="text-xs font-medium">
            New name for {preset.name}
          </label>
          <input
            id={inputId}
            value={name}
            autoFocus
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") finishRename();
              if (event.key === "Escape") setRenaming(false);
            }}
            className={inputClass}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
          />
          {error && (
            <p id={`${inputId}-error`} role="alert" className="text-xs text-red-600 dark:text-red-400">
              {error}
            </p>
          )}
        </div>
      ) : (
        <span className="min-w-0 flex-1 truncate text-sm font-medium">{preset.name}</span>
      )}
      <div className="flex gap-1">
        {renaming ? (
          <Button onClick={finishRename}>Save name</Button>
        ) : (
          <>
            <Button aria-label={`Load preset ${preset.name}`} onClick={onLoad}>
              Load
            </Button>
            <Button aria-label={`Rename preset ${preset.name}`} onClick={() => setRenaming(true)}>
              Rename
            </Button>
            <Button aria-label={`Delete preset ${preset.name}`} onClick={onDelete}>
              Delete
            </Button>
          </>
        )}
      </div>
    </li>
  );
}
