"use client";

import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import { handPageImage } from "@/components/form/page-image";
import type { SettingsReading } from "@/lib/share/settings-reader";
import { applySettings } from "@/lib/form/form-settings";
import type { RestoreOutcome } from "@/components/share/settings-notice";
import { Button } from "@/components/ui/button";

type PngRestoreOfferProps = {
  form: PlaygroundFormApi;
  file: File;
  reading: SettingsReading;
  onClose: () => void;
  onRestored: (outcome: RestoreOutcome) => void;
};

/** Asks whether to restore the settings read from a PNG; loaded with the PNG reader, not with the page. */
export function PngRestoreOffer({ form, file, reading, onClose, onRestored }: PngRestoreOfferProps) {
  const { values, problems } = reading;
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="png-restore-title"
        aria-describedby="png-restore-body"
        className="flex w-full max-w-md flex-col gap-3 rounded-xl bg-white p-4 shadow-xl dark:bg-zinc-900"
      >
        <h2 id="png-restore-title" className="text-lg font-semibold">
          Restore settings from this image?
        </h2>
        <div id="png-restore-body" className="flex flex-col gap-1 text-sm">
          <p className="truncate text-zinc-500">{file.name}</p>
          <p>
            <strong>Prompt</strong>: {values.prompt}
          </p>
          <p>
            <strong>Model</strong>: {values.model_name}
          </p>
          {problems.length > 0 && (
            <p>Not readable, so left at their defaults: {problems.map((problem) => problem.field).join(", ")}.</p>
          )}
          <p>Restoring replaces every setting in the form.</p>
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <Button
            autoFocus
            variant="primary"
            onClick={() => {
              applySettings(form, values);
              onClose();
              onRestored({ problems, unreadable: false });
            }}
          >
            Restore
          </Button>
          <Button
            onClick={() => {
              handPageImage(file);
              onClose();
            }}
          >
            Use as init image
          </Button>
          <Button onClick={onClose}>Dismiss</Button>
        </div>
      </div>
    </div>
  );
}
