"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { MAX_IMAGE_BYTES, MAX_IMAGE_MIB } from "@/lib/fal/limits";
import { uploadFile } from "@/lib/fal/upload";
import { messageOf } from "@/lib/errors/message-of";

export type ImageUpload = {
  /** 0–1 while a file is on its way, undefined otherwise. */
  progress: number | undefined;
  error: string | undefined;
  upload: (file: File) => Promise<void>;
  clearError: () => void;
};

/** Uploads one image file at a time; a failed upload keeps the image the field had. */
export function useImageUpload(onUploaded: (url: string) => void): ImageUpload {
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  // The field may move while the file is on its way (an image before it removed): the URL goes where it is then.
  const uploaded = useRef(onUploaded);
  useEffect(() => {
    uploaded.current = onUploaded;
  });

  const upload = useCallback(async (file: File) => {
    setError(undefined);
    if (!file.type.startsWith("image/")) {
      setError(`"${file.name}" is not an image.`);
      return;
    }
    if (file.size > MAX_IMAGE_BYTES) {
      setError(`"${file.name}" is larger than ${MAX_IMAGE_MIB} MiB.`);
      return;
    }
    setProgress(0);
    try {
      const url = await uploadFile(file, setProgress);
      uploaded.current(url);
    } catch (cause) {
      setError(`Upload failed: ${messageOf(cause)}`);
    } finally {
      setProgress(undefined);
    }
  }, []);

  return { progress, error, upload, clearError: useCallback(() => setError(undefined), []) };
}
