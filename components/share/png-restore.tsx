"use client";

import { useEffect, useState } from "react";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { toFormValues } from "@/lib/form/form-values";
import { readSettingsFromPng } from "@/lib/share/png-settings";
import { buttonClass, primaryButtonClass } from "./styles";

type Offer = { fileName: string } & ({ request: LoraRequest } | { error: string });

async function readOffer(file: File): Promise<Offer> {
  if (file.type !== "image/png") {
    return { fileName: file.name, error: "Only PNG downloads from this playground carry their settings; this file is not a PNG." };
  }
  const result = readSettingsFromPng(new Uint8Array(await file.arrayBuffer()));
  return "error" in result ? { fileName: file.name, error: result.error } : { fileName: file.name, request: result };
}

function imageFile(files: FileList | undefined | null): File | undefined {
  return Array.from(files ?? []).find((file) => file.type.startsWith("image/"));
}

/** Offers to restore the settings inside a PNG dropped or pasted anywhere on the page. */
export function PngRestore({ form }: { form: PlaygroundFormApi }) {
  const [offer, setOffer] = useState<Offer>();

  useEffect(() => {
    const offerFrom = (file: File | undefined) => {
      if (file) void readOffer(file).then(setOffer);
    };
    // Without this the browser would open a dropped image in place of the page.
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (event.defaultPrevented) return; // an image field took the file
      const file = imageFile(event.dataTransfer?.files);
      if (!file) return;
      event.preventDefault();
      offerFrom(file);
    };
    const onPaste = (event: ClipboardEvent) => offerFrom(imageFile(event.clipboardData?.files));
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDrop);
    window.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDrop);
      window.removeEventListener("paste", onPaste);
    };
  }, []);

  if (!offer) return null;
  const request = "request" in offer ? offer.request : undefined;
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
          {request ? "Restore settings from this image?" : "No settings to restore"}
        </h2>
        <div id="png-restore-body" className="flex flex-col gap-1 text-sm">
          <p className="truncate text-zinc-500">{offer.fileName}</p>
          {request ? (
            <>
              <p>
                <strong>Prompt</strong>: {request.prompt}
              </p>
              <p>
                <strong>Model</strong>: {request.model_name}
              </p>
              <p>Restoring replaces every setting in the form.</p>
            </>
          ) : (
            "error" in offer && <p>{offer.error}</p>
          )}
        </div>
        <div className="flex justify-end gap-2">
          {request && (
            <button
              type="button"
              autoFocus
              className={primaryButtonClass}
              onClick={() => {
                form.reset(toFormValues(request));
                setOffer(undefined);
              }}
            >
              Restore
            </button>
          )}
          <button type="button" autoFocus={!request} className={buttonClass} onClick={() => setOffer(undefined)}>
            Dismiss
          </button>
        </div>
      </div>
    </div>
  );
}
