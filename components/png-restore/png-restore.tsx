"use client";

import { lazyComponent } from "@/components/ui/lazy-component";
import { useEffect, useState } from "react";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import { handPageImage, isInsideField } from "@/components/form/page-image";
import { offerGenerationDataInPng } from "@/components/generation-data/generation-data-events";
import type { SettingsReading } from "@/lib/share/settings-reader";
import type { RestoreOutcome } from "@/components/share/settings-notice";

// The PNG reader and the offer load with the first PNG dropped or pasted, not with the page.
const loadOffer = () => import("@/components/png-restore/png-restore-offer");
const PngRestoreOffer = lazyComponent(() => loadOffer().then((module) => module.PngRestoreOffer));

type Offer = { file: File; reading: SettingsReading };

async function readSettingsOf(file: File): Promise<SettingsReading | { error: string; tooLarge?: boolean }> {
  if (file.type !== "image/png") {
    return {
      error:
        "Only PNGs carry settings (from this playground, AUTOMATIC1111, Forge or Fooocus); this file is not a PNG.",
    };
  }
  const [{ readSettingsFromPng }] = await Promise.all([import("@/lib/share/png-settings"), loadOffer()]);
  return readSettingsFromPng(new Uint8Array(await file.arrayBuffer()));
}

function imageFile(files: FileList | undefined | null): File | undefined {
  return Array.from(files ?? []).find((file) => file.type.startsWith("image/"));
}

type PngRestoreProps = {
  form: PlaygroundFormApi;
  /** Called once settings were restored, with what could not be read. */
  onRestored: (outcome: RestoreOutcome) => void;
};

/** Offers to restore the settings inside a PNG dropped or pasted anywhere on the page. */
export function PngRestore({ form, onRestored }: PngRestoreProps) {
  const [offer, setOffer] = useState<Offer>();
  const [note, setNote] = useState<string>();

  useEffect(() => {
    const offerFrom = (file: File | undefined) => {
      if (!file) return;
      void readSettingsOf(file).then(async (settings) => {
        if (!("error" in settings)) return setOffer({ file, reading: settings });
        const generationData = settings.tooLarge ? { offered: false } : await offerGenerationDataInPng(file);
        if (generationData.offered) return;
        // No settings to read: the image is still useful as the init image.
        handPageImage(file);
        setNote(`${generationData.tooLarge ?? settings.error} "${file.name}" is now the init image.`);
      });
    };
    // Without this the browser would open a dropped image in place of the page.
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (event.defaultPrevented || isInsideField(event.target)) return; // an image field took the file
      const file = imageFile(event.dataTransfer?.files);
      if (!file) return;
      event.preventDefault();
      offerFrom(file);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (event.defaultPrevented || isInsideField(event.target)) return;
      const file = imageFile(event.clipboardData?.files);
      if (!file) return;
      event.preventDefault();
      offerFrom(file);
    };
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDrop);
    window.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDrop);
      window.removeEventListener("paste", onPaste);
    };
  }, []);

  if (!offer) {
    return note ? (
      <div
        role="status"
        className="fixed bottom-4 left-1/2 z-50 flex w-[min(32rem,calc(100%-2rem))] -translate-x-1/2 items-start gap-3 rounded-lg bg-zinc-900 p-3 text-sm text-white shadow-xl"
      >
        <p className="flex-1">{note}</p>
        <button type="button" className="min-h-6 underline" onClick={() => setNote(undefined)}>
          Dismiss
        </button>
      </div>
    ) : null;
  }
  return (
    <PngRestoreOffer
      form={form}
      file={offer.file}
      reading={offer.reading}
      onClose={() => setOffer(undefined)}
      onRestored={onRestored}
    />
  );
}
