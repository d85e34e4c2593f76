"use client";

import { lazyComponent } from "@/components/ui/lazy-component";
import { type ComponentProps, useState } from "react";
import { focusFirstErrorWhenShown } from "@/components/form/focus-first-error";
import { RUN_SETTINGS_FORM_ID } from "@/components/form/show-server-errors";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import { useSubmitLimit } from "@/components/public-config/use-public-config";
import { Button } from "@/components/ui/button";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { toRequestBody } from "@/lib/form/form-values";
import type { RunManager } from "@/lib/runs/run-manager";

// Sweeps load when first opened (or hovered), never with the page.
const loadDialog = () => import("./sweep-dialog");
const SweepDialog = lazyComponent(() => loadDialog().then((module) => module.SweepDialog));

const SweepView = lazyComponent(() => import("./sweep-view").then((module) => module.SweepView), {
  loading: <p className="text-sm text-zinc-500">Loading the sweep…</p>,
});

/** The output pane's Sweep view, loaded once a sweep exists and shown once the server's pace is known. */
export function SweepPanel(props: Omit<ComponentProps<typeof SweepView>, "submitLimit">) {
  const submitLimit = useSubmitLimit();
  return submitLimit ? <SweepView {...props} submitLimit={submitLimit} /> : null;
}

type SweepButtonProps = {
  form: PlaygroundFormApi;
  manager: RunManager;
  onStarted: () => void;
};

/**
 * "Sweep", beside Run: checks the form as Run does, then opens the sweep dialog on its request once
 * the server's limit, which sweeps pace within, is known.
 */
export function SweepButton({ form, manager, onStarted }: SweepButtonProps) {
  const [base, setBase] = useState<LoraRequest>();
  const submitLimit = useSubmitLimit();
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
