"use client";

import { type FieldPath, useController } from "react-hook-form";
import type { FormValues } from "@/lib/form/form-values";
import { ImageDropZone } from "./image-drop-zone";
import { fieldId, useFieldError } from "./use-field-error";

type ImageFieldProps = {
  name: FieldPath<FormValues>;
  label: string;
  hint?: string;
  /** An error held elsewhere that is about this image (e.g. on a one-image list). */
  otherError?: string;
  takesPageWidePaste?: boolean;
};

/** An image field of the form: its value is the URL fal reads the image from ("" for none). */
export function ImageField({ name, label, hint, otherError, takesPageWidePaste }: ImageFieldProps) {
  const { field } = useController<FormValues>({ name });
  const error = useFieldError(name) ?? otherError;
  return (
    <ImageDropZone
      id={fieldId(name)}
      label={label}
      hint={hint}
      value={typeof field.value === "string" ? field.value : ""}
      onChange={(url) => field.onChange(url)}
      onBlur={field.onBlur}
      error={error}
      takesPageWidePaste={takesPageWidePaste}
    />
  );
}
