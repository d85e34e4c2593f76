"use client";

import { useState } from "react";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { builtInPresets } from "@/lib/presets/built-in";
import { loadPreset, type PresetMessage } from "@/components/presets/load-preset";
import { SavedPresets } from "@/components/presets/saved-presets";
import { Button } from "@/components/ui/button";

export type { PresetMessage };

/** Built-in presets that show off the endpoint, and the user's own. */
export function PresetsPanel({ form }: { form: PlaygroundFormApi }) {
  const [message, setMessage] = useState<PresetMessage>();
  const [loading, setLoading] = useState<string>();

  async function load(name: string, request: LoraRequest) {
    setLoading(name);
    setMessage(undefined);
    setMessage(await loadPreset(form, name, request));
    setLoading(undefined);
  }

  return (
    <div className="@container flex flex-col gap-4">
      <section aria-labelledby="built-in-presets" className="flex flex-col gap-2">
        <h3 id="built-in-presets" className="text-sm font-semibold">
          Built-in presets
        </h3>
        <ul className="grid gap-2 @lg:grid-cols-2">
          {builtInPresets("").map((preset) => (
            <li
              key={preset.id}
              className="flex items-start justify-between gap-2 rounded-lg border border-zinc-200 p-2 dark:border-zinc-800"
            >
              <div>
                <p className="text-sm font-medium">{preset.name}</p>
                <p className="text-xs text-zinc-500">{preset.description}</p>
              </div>
              <Button
                aria-label={`Load preset ${preset.name}`}
                disabled={loading !== undefined}
                onClick={() => {
                  const withOrigin = builtInPresets(window.location.origin).find((item) => item.id === preset.id);
                  if (withOrigin) void load(preset.name, withOrigin.request);
                }}
              >
                {loading === preset.name ? "Loading…" : "Load"}
              </Button>
            </li>
          ))}
        </ul>
      </section>
      <SavedPresets form={form} onLoad={(name, request) => void load(name, request)} onMessage={setMessage} />
      {message && (
        <p
          role={message.kind === "error" ? "alert" : "status"}
          className={`text-sm ${message.kind === "error" ? "text-amber-700 dark:text-amber-400" : "text-emerald-700 dark:text-emerald-400"}`}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
