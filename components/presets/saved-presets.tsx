"use client";

import { useState } from "react";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import type { LoraRequest } from "@/lib/fal/input-schema";
import {
  deletePreset,
  importPresetsFile,
  loadSavedPresets,
  presetNameProblem,
  renamePreset,
  type SavedPreset,
  savePreset,
  storeSavedPresets,
  toPresetsFile,
} from "@/lib/presets/user-presets";
import { readFormSettings } from "@/lib/form/form-settings";
import type { PresetMessage } from "@/components/presets/presets-panel";
import { SavedPresetItem } from "@/components/presets/saved-preset-item";
import { inputClass } from "@/components/ui/field";
import { Button, buttonClassName } from "@/components/ui/button";

type SavedPresetsProps = {
  form: PlaygroundFormApi;
  onLoad: (name: string, request: LoraRequest) => void;
  onMessage: (message: PresetMessage) => void;
};

/** The presets saved in this browser: save, load, rename, delete, export and import. */
export function SavedPresets({ form, onLoad, onMessage }: SavedPresetsProps) {
  // Only mounted after a click, never during server rendering, so storage can be read right away.
  const [stored] = useState(() => loadSavedPresets(window.localStorage));
  const [presets, setPresets] = useState<SavedPreset[]>(stored.presets);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string>();

  function update(next: SavedPreset[]) {
    setPresets(next);
    try {
      storeSavedPresets(window.localStorage, next);
    } catch {
      onMessage({ kind: "error", text: "The browser would not store the presets (storage full or blocked)." });
    }
  }

  function save() {
    const problem = presetNameProblem(name);
    setNameError(problem);
    if (problem) return;
    update(savePreset(presets, name, readFormSettings(form.getValues()).values));
    onMessage({ kind: "ok", text: `Saved "${name.trim()}".` });
    setName("");
  }

  function exportFile() {
    const url = URL.createObjectURL(new Blob([toPresetsFile(presets)], { type: "application/json" }));
    const anchor = Object.assign(document.createElement("a"), { href: url, download: "lora-presets.json" });
    anchor.click();
    URL.revokeObjectURL(url);
  }

  async function importFile(file: File) {
    const result = importPresetsFile(await file.text(), presets);
    update(result.presets);
    const text = `Imported ${result.imported} preset${result.imported === 1 ? "" : "s"} from "${file.name}".`;
    onMessage(
      result.problems.length ? { kind: "error", text: `${text} ${result.problems.join(" ")}` } : { kind: "ok", text },
    );
  }

  return (
    <section aria-labelledby="saved-presets" className="flex flex-col gap-2">
      <h3 id="saved-presets" className="text-sm font-semibold">
        Your presets <span className="font-normal text-zinc-500">(kept in this browser)</span>
      </h3>
      <div className="flex flex-col gap-1">
        <label htmlFor="preset-name" className="text-sm font-medium">
          Preset name
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id="preset-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") save();
            }}
            className={`${inputClass} min-w-0 flex-1 basis-40`}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "preset-name-error" : undefined}
          />
          <Button variant="primary" className="shrink-0" onClick={save}>
            Save current settings
          </Button>
        </div>
        {nameError && (
          <p id="preset-name-error" role="alert" className="text-xs text-red-600 dark:text-red-400">
            {nameError}
          </p>
        )}
      </div>
      {stored.problems.length > 0 && (
        <p role="alert" className="text-sm text-amber-700 dark:text-amber-400">
          {stored.problems.join(" ")}
        </p>
      )}
      {presets.length === 0 ? (
        <p className="text-sm text-zinc-500">No saved presets yet.</p>
      ) : (
        <ul aria-label="Your presets" className="flex flex-col gap-1">
          {presets.map((preset) => (
            <SavedPresetItem
              key={preset.id}
              preset={preset}
              onLoad={() => onLoad(preset.name, preset.request)}
              onRename={(newName) => update(renamePreset(presets, preset.id, newName))}
              onDelete={() => update(deletePreset(presets, preset.id))}
            />
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button disabled={presets.length === 0} onClick={exportFile}>
          Export presets
        </Button>
        <label className={buttonClassName({ wrapsInput: true })}>
          Import presets file
          <input
            id="import-presets"
            type="file"
            accept="application/json,.json"
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void importFile(file);
              event.target.value = "";
            }}
          />
        </label>
      </div>
    </section>
  );
}
