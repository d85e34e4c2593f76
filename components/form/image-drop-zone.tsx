"use client";

import { useRef, useState } from "react";
import { falClient } from "@/lib/fal/browser-client";

type ImageDropZoneProps = {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (url: string | undefined) => void;
  error?: string;
};

const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Takes an image file (picked or dropped), uploads it through fal.storage and yields its URL. */
export function ImageDropZone({ id, label, value, onChange, error }: ImageDropZoneProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  const [size, setSize] = useState<{ width: number; height: number }>();
  const [dragging, setDragging] = useState(false);

  async function upload(file: File) {
    setUploadError(undefined);
    if (!file.type.startsWith("image/")) {
      setUploadError(`"${file.name}" is not an image.`);
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setUploadError(`"${file.name}" is larger than 25 MB.`);
      return;
    }
    setUploading(true);
    try {
      onChange(await falClient.storage.upload(file));
    } catch (cause) {
      setUploadError(`Upload failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    } finally {
      setUploading(false);
    }
  }

  const message = uploadError ?? error;
  return (
    <div className="flex flex-col gap-1">
      <span id={`${id}-label`} className="text-sm font-medium">
        {label}
      </span>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          const file = event.dataTransfer.files[0];
          if (file) void upload(file);
        }}
        className={`flex min-h-32 flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed p-3 text-sm ${
          dragging ? "border-violet-500 bg-violet-50 dark:bg-violet-950/30" : "border-zinc-300 dark:border-zinc-700"
        }`}
      >
        {value ? (
          <figure className="flex flex-col items-center gap-2">
            {/* eslint-disable-next-line @next/next/no-img-element -- user images from any host */}
            <img
              src={value}
              alt={`${label} preview`}
              className="max-h-48 rounded"
              onLoad={(event) =>
                setSize({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
              }
            />
            {size && (
              <figcaption className="text-xs text-zinc-500">
                {size.width} × {size.height}
              </figcaption>
            )}
          </figure>
        ) : (
          <p className="text-zinc-500">{uploading ? "Uploading…" : "Drop an image here, or choose a file."}</p>
        )}
        <div className="flex gap-2">
          <label
            htmlFor={id}
            className="cursor-pointer rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {value ? "Replace" : "Choose file"}
          </label>
          <input
            ref={inputRef}
            id={id}
            type="file"
            accept="image/*"
            className="sr-only"
            aria-labelledby={`${id}-label`}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${id}-error` : undefined}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void upload(file);
              event.target.value = "";
            }}
          />
          {value && (
            <button
              type="button"
              className="rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
              onClick={() => {
                onChange(undefined);
                setSize(undefined);
              }}
            >
              Remove
            </button>
          )}
        </div>
        {uploading && value && <p className="text-xs text-zinc-500">Uploading…</p>}
      </div>
      {message && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600 dark:text-red-400">
          {message}
        </p>
      )}
    </div>
  );
}
