"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { focusFirstErrorWhenShown } from "@/components/form/focus-first-error";
import { RUN_SETTINGS_FORM_ID } from "@/components/form/show-server-errors";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { toRequestBody } from "@/lib/form/form-values";
import type { RunManager } from "@/lib/runs/run-manager";

// Sweeps load when first opened (or hovered), never with the page.
const loadDialog = () => import("./sweep-dialog");
const SweepDialog = dynamic(() => loadDialog().then((module) => module.SweepDialog), { ssr: false });

/** The output pane's Sweep view, loaded once a sweep exists. */
export const SweepPanel = dynamic(() => import("./sweep-view").then((module) => module.SweepView), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-500">Loading the sweep…</p>,
});

type SweepButtonProps = {
  form: PlaygroundFormApi;
  manager: RunManager;
  /** The server's limit, which sweeps pace within: the dialog opens once it is known. */
  submitsPerMinute: number | undefined;
  onStarted: () => void;
};

/** "Sweep", beside Run: checks the form as Run does, then opens the sweep dialog on its request. */
export function SweepButton({ form, manager, submitsPerMinute, onStarted }: SweepButtonProps) {
  const [base, setBase] = useState<LoraRequest>();
  const open = form.handleSubmit(
    (values) => setBase(toRequestBody(values)),
    () => focusFirstErrorWhenShown(() => document.getElementById(RUN_SETTINGS_FORM_ID) as HTMLFormElement | null),
  );
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => void open()}
        className="min-h-11 rounded-lg border border-zinc-300 bg-white px-4 py-2 font-medium text-zinc-800 shadow-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
      >
        Sweep
      </button>
      {base && submitsPerMinute !== undefined && (
        <SweepDialog
          base={base}
          manager={manager}
          submitsPerMinute={submitsPerMinute}
          onClose={() => setBase(undefined)}
          onStarted={() => {
            setBase(undefined);
            onStarted();
          }}
        />
      )}
    </>
  );
}
