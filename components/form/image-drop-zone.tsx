"use client";

import { type ClipboardEvent, type DragEvent, useEffect, useState } from "react";
import { FieldMessages } from "@/components/ui/field";
import { Button, buttonClassName } from "@/components/ui/button";
import { PAGE_IMAGE_EVENT } from "./page-image";
import { useImageUpload } from "./use-image-upload";

type ImageDropZoneProps = {
  id: string;
  label: string;
  value: string;
  onChange: (url: string) => void;
  onBlur?: () => void;
  error?: string;
  hint?: string;
  /** Also take an image pasted or dropped on the page outside any field (see page-image.ts). */
  takesPageWidePaste?: boolean;
};

function imageFileOf(items: DataTransferItemList | undefined): File | undefined {
  for (const item of Array.from(items ?? [])) {
    if (item.kind === "file" && item.type.startsWith("image/")) return item.getAsFile() ?? undefined;
  }
  return undefined;
}

/**
 * One image input: drop a file, paste an image (Ctrl/Cmd+V), pick a file or give a URL. Files go
 * up through fal.storage and the field holds the URL fal reads the image from.
 */
export function ImageDropZone({
  id,
  label,
  value,
  onChange,
  onBlur,
  error,
  hint,
  takesPageWidePaste = false,
}: ImageDropZoneProps) {
  const { progress, error: uploadError, upload, clearError } = useImageUpload(onChange);
  const [size, setSize] = useState<{ width: number; height: number; of: string }>();
  const [dragging, setDragging] = useState(false);
  const [urlText, setUrlText] = useState("");
  const [previewFailed, setPreviewFailed] = useState<string>();

  useEffect(() => {
    if (!takesPageWidePaste) return;
    const onPageImage = (event: Event) => {
      if (event instanceof CustomEvent && event.detail instanceof File) void upload(event.detail);
    };
    document.addEventListener(PAGE_IMAGE_EVENT, onPageImage);
    return () => document.removeEventListener(PAGE_IMAGE_EVENT, onPageImage);
  }, [takesPageWidePaste, upload]);

  const message = uploadError ?? error;
  const labelId = `${id}-label`;
  const describedBy = [hint ? `${id}-hint` : "", message ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

  function applyUrl() {
    const url = urlText.trim();
    if (!url) return;
    clearError();
    onChange(url);
    setUrlText("");
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) return void upload(file);
    const url = event.dataTransfer.getData("text/uri-list").split("\n")[0]?.trim();
    if (url) onChange(url);
  }

  function onPaste(event: ClipboardEvent) {
    const file = imageFileOf(event.clipboardData.items);
    if (!file) return;
    event.preventDefault();
    void upload(file);
  }

  return (
    <div className="flex flex-col gap-1">
      <span id={labelId} className="text-sm font-medium">
        {label}
      </span>
      <div
        role="group"
        data-drop-zone
        aria-label={`${label} drop zone`}
        aria-describedby={describedBy}
        tabIndex={-1}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        onPaste={onPaste}
        className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed p-3 text-sm ${
          dragging ? "border-accent-500 bg-accent-50 dark:bg-accent-950/30" : "border-zinc-300 dark:border-zinc-700"
        } ${message ? "border-red-400" : ""}`}
      >
        {value ? (
          <figure className="flex flex-col items-center gap-1">
            {/* eslint-disable-next-line @next/next/no-img-element -- user images from any host */}
            <img
              src={value}
              alt={`${label} preview`}
              className="max-h-40 rounded"
              onLoad={(event) => {
                setPreviewFailed(undefined);
                setSize({
                  width: event.currentTarget.naturalWidth,
                  height: event.currentTarget.naturalHeight,
                  of: value,
                });
              }}
              onError={() => setPreviewFailed(value)}
            />
            <figcaption className="text-xs text-zinc-500">
              {previewFailed === value
                ? "No preview: the image could not be loaded here."
                : size?.of === value
                  ? `${size.width} × ${size.height}`
                  : "Loading preview…"}
            </figcaption>
          </figure>
        ) : (
          <p className="text-center text-zinc-500">Drop or paste an image here, choose a file, or give its URL.</p>
        )}
        {progress !== undefined && (
          <div className="flex w-full items-center gap-2 text-xs text-zinc-600">
            <progress className="h-2 flex-1" max={1} value={progress} aria-label={`${label} upload progress`} />
            <span>Uploading {Math.round(progress * 100)}%</span>
          </div>
        )}
        <div className="flex flex-wrap justify-center gap-2">
          <label className={buttonClassName({ wrapsInput: true })}>
            {value ? "Replace…" : "Choose file…"}
            <input
              id={id}
              type="file"
              accept="image/*"
              className="sr-only"
              aria-labelledby={labelId}
              aria-invalid={message ? true : undefined}
              aria-describedby={describedBy}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void upload(file);
                event.target.value = "";
              }}
            />
          </label>
          {value && (
            <Button onClick={() => onChange("")} aria-label={`Remove ${label.toLowerCase()}`}>
              Remove
            </Button>
          )}
        </div>
        <div className="flex w-full gap-2">
          <label htmlFor={`${id}-url`} className="sr-only">
            {label} URL
          </label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            placeholder="…or paste an image URL"
            value={urlText}
            onChange={(event) => setUrlText(event.target.value)}
            onBlur={onBlur}
            onKeyDown={(event) => {
              if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) {
                event.preventDefault();
                applyUrl();
              }
            }}
            className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
          <Button onClick={applyUrl} disabled={!urlText.trim()} aria-label={`Use URL for ${label}`}>
            Use URL
          </Button>
        </div>
      </div>
      <FieldMessages id={id} hint={hint} error={message} />
    </div>
  );
}
