"use client";

import { get, useFormContext, useFormState, useWatch } from "react-hook-form";
import { itemFieldLabel } from "@/lib/fal/field-labels";
import type { FormValues } from "@/lib/form/form-values";
import { smallButtonClass } from "../form-section";
import { listLimits } from "@/lib/fal/limits";
import { AddItemButton } from "../add-item-button";
import { ImageField } from "../image-field";

/** The reference images of one IP adapter: one or more. */
export function IpAdapterImages({ index, itemName }: { index: number; itemName: string }) {
  const name = `ip_adapter.${index}.ip_adapter_image_url` as const;
  const imageLabel = itemFieldLabel("ip_adapter", "ip_adapter_image_url", index);
  const { setValue, getValues } = useFormContext<FormValues>();
  const images = useWatch<FormValues, typeof name>({ name }) ?? [];
  const update = (next: string[]) => setValue(name, next, { shouldDirty: true });
  // An error about the images as a whole (one image is sent as a string) names the list, not an item;
  // react-hook-form keeps a list's own error under `root`, setError puts it on the list itself.
  const { errors } = useFormState<FormValues>({ name, exact: true });
  const listErrors = get(errors, name) as { message?: string; root?: { message?: string } } | undefined;
  const listError = listErrors?.message ?? listErrors?.root?.message;
  return (
    <div className="flex flex-col gap-2">
      {images.map((_image, imageIndex) => (
        // Positions are the identity here: the body is a plain list of URLs, matched by index in errors.
        <div key={imageIndex} className="flex flex-col gap-1">
          <ImageField
            name={`${name}.${imageIndex}`}
            label={`${imageLabel} ${imageIndex + 1}`}
            otherError={images.length === 1 ? listError : undefined}
          />
          {images.length > 1 && (
            <button
              type="button"
              className={`${smallButtonClass} self-end`}
              aria-label={`Remove ${imageLabel} ${imageIndex + 1}`}
              onClick={() => update(getValues(name).filter((_url, at) => at !== imageIndex))}
            >
              Remove image
            </button>
          )}
        </div>
      ))}
      {listError && images.length > 1 && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {listError}
        </p>
      )}
      <AddItemButton
        id={`ip-adapter-${index}-images-add`}
        label={`Add another image to ${itemName}`}
        count={images.length}
        limit={listLimits.ip_adapter_images}
        onAdd={() => update([...getValues(name), ""])}
      />
    </div>
  );
}
