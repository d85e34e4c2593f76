"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { focusFirstErrorWhenShown } from "@/components/form/focus-first-error";
import { RUN_SETTINGS_FORM_ID } from "@/components/form/show-server-errors";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import { Button } from "@/components/ui/button";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { toRequestBody } from "@/lib/form/form-values";
import type { RunManager } from "@/lib/runs/run-manager";
import type { SubmitLimit } from "@/lib/sweeps/pacer";

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
  submitLimit: SubmitLimit | undefined;
  onStarted: () => void;
};

/** "Sweep", beside Run: checks the form as Run does, then opens the sweep dialog on its request. */
export function SweepButton({ form, manager, submitLimit, onStarted }: SweepButtonProps) {
  const [base, setBase] = useState<LoraRequest>();
  const open = form.handleSubmit(
    (values) => setBase(toRequestBody(values)),
    () => focusFirstErrorWhenShown(() => document.getElementById(RUN_SETTINGS_FORM_ID) as HTMLFormElement | null),
  );
  return (
    <>
      <Button
        aria-haspopup="dialog"
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => void open()}
        size="lg"
      >
        Sweep
      </Button>
      {base && submitLimit && (
        <SweepDialog
          base={base}
          manager={manager}
          submitLimit={submitLimit}
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
