"use client";

import { useState } from "react";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import type { PresetMessage } from "@/components/presets/load-preset";
import { builtInPresets } from "@/lib/presets/built-in";

type FirstStepsProps = { form: PlaygroundFormApi; historyCount: number; onOpenHistory: () => void };

const presets = builtInPresets("");

/** The empty output pane: what to do, and the built-in presets as one-click starts. */
export function FirstSteps({ form, historyCount, onOpenHistory }: FirstStepsProps) {
  const [loading, setLoading] = useState<string>();
  const [message, setMessage] = useState<PresetMessage>();

  async function start(id: string, name: string) {
    const preset = builtInPresets(window.location.origin).find((item) => item.id === id);
    if (!preset) return;
    setLoading(name);
    setMessage(undefined);
    const { loadPreset } = await import("@/components/presets/load-preset");
    const result = await loadPreset(form, name, preset.request);
    setMessage(
      result.kind === "ok"
        ? { kind: "ok", text: `${result.text} Press Run (Ctrl/⌘+Enter) when you are ready.` }
        : result,
    );
    setLoading(undefined);
  }

  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-5 py-2 lg:py-6">
      <div className="flex flex-col gap-2">
        <h2 className="text-xl font-semibold">Your images appear here</h2>
        <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          <li>Write a prompt. An init image is optional: drop one on its field, or paste one anywhere (Ctrl/⌘+V).</li>
          <li>Add LoRAs, or open ControlNets, IP adapters and the other groups under the main settings.</li>
          <li>
            Press <strong>Run</strong> (Ctrl/⌘+Enter). Its place in the queue, its logs and then its images show up
            here; Esc cancels.
          </li>
        </ol>
      </div>
      <section aria-labelledby="first-presets" className="flex flex-col gap-2">
        <h3 id="first-presets" className="text-sm font-semibold">
          Or start from a preset
        </h3>
        <ul className="grid gap-2 sm:grid-cols-2">
          {presets.map((preset) => (
            <li key={preset.id}>
              <button
                type="button"
                disabled={loading !== undefined}
                onClick={() => void start(preset.id, preset.name)}
                className="flex h-full w-full flex-col items-start gap-1 rounded-lg border border-zinc-200 bg-white p-3 text-left hover:border-accent-400 hover:bg-accent-50 disabled:opacity-60 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-accent-500 dark:hover:bg-accent-950/40"
              >
                <span className="text-sm font-medium">
                  {loading === preset.name ? `Loading ${preset.name}…` : preset.name}
                </span>
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{preset.description}</span>
              </button>
            </li>
          ))}
        </ul>
        <p
          role={message?.kind === "error" ? "alert" : "status"}
          className={`min-h-5 text-sm ${message?.kind === "error" ? "text-amber-800 dark:text-amber-300" : "text-emerald-800 dark:text-emerald-300"}`}
        >
          {message?.text}
        </p>
      </section>
      {historyCount > 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Your {historyCount === 1 ? "earlier run is" : `${historyCount} earlier runs are`} kept in{" "}
          <button
            type="button"
            onClick={onOpenHistory}
            className="inline-flex min-h-6 items-center font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300"
          >
            History
          </button>
          .
        </p>
      )}
    </div>
  );
}
