"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { civitaiAdvice } from "@/lib/civitai/civitai";
import type { FormValues } from "@/lib/form/form-values";

/** Under a LoRA's path that is a Civitai model page: the download URL fal needs, or how to find it. */
export function CivitaiHint({ index }: { index: number }) {
  const { setValue } = useFormContext<FormValues>();
  const path = useWatch<FormValues, `loras.${number}.path`>({ name: `loras.${index}.path` });
  const advice = civitaiAdvice(path ?? "");
  if (!advice) return null;
  return (
    <div
      role="note"
      className="rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
    >
      {advice.kind === "download-url" ? (
        <>
          That is a Civitai model page; fal needs the file&apos;s download URL:{" "}
          <code className="break-all">{advice.url}</code>{" "}
          <Button size="sm" onClick={() => setValue(`loras.${index}.path`, advice.url, { shouldValidate: true })}>
            Use download URL
          </Button>
        </>
      ) : (
        <>
          That is a Civitai model page; fal needs a download URL. Open the version you want and copy its download link,
          which looks like <code>https://civitai.com/api/download/models/&lt;version id&gt;</code>.
        </>
      )}
    </div>
  );
}
