"use client";

import { useState } from "react";
import { get, useFormContext, useFormState, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { itemFieldLabel } from "@/lib/fal/field-labels";
import type { FormValues } from "@/lib/form/form-values";
import { listLimits } from "@/lib/fal/limits";
import { AddItemButton } from "../add-item-button";
import { ImageField } from "../image-field";

let lastImageKey = 0;
const newImageKey = () => ++lastImageKey;

/**
 * A key per image that stays with it when an image before it is removed, so each drop zone keeps
 * its own upload and typed URL. The list is plain URLs, so the keys are kept beside it here; a
 * list changed from outside (a preset, a link) gets fresh keys for what it added.
 */
function useImageKeys(count: number): [number[], (at: number) => void] {
  const [keys, setKeys] = useState(() => Array.from({ length: count }, newImageKey));
  if (keys.length !== count) {
    const fitted = keys.slice(0, count);
    while (fitted.length < count) fitted.push(newImageKey());
    setKeys(fitted);
  }
  return [keys, (at) => setKeys((current) => current.filter((_key, index) => index !== at))];
}

/** The reference images of one IP adapter: one or more. */
export function IpAdapterImages({ index, itemName }: { index: number; itemName: string }) {
  const name = `ip_adapter.${index}.ip_adapter_image_url` as const;
  const imageLabel = itemFieldLabel("ip_adapter", "ip_adapter_image_url", index);
  const { setValue, getValues } = useFormContext<FormValues>();
  const images = useWatch<FormValues, typeof name>({ name }) ?? [];
  const update = (next: string[]) => setValue(name, next, { shouldDirty: true });
  const [keys, forgetKey] = useImageKeys(images.length);
  // An error about the images as a whole (one image is sent as a string) names the list, not an item;
  // react-hook-form keeps a list's own error under `root`, setError puts it on the list itself.
  const { errors } = useFormState<FormValues>({ name, exact: true });
  const listErrors = get(errors, name) as { message?: string; root?: { message?: string } } | undefined;
  const listError = listErrors?.message ?? listErrors?.root?.message;
  return (
    <div className="flex flex-col gap-2">
      {images.map((_image, imageIndex) => (
        <div key={keys[imageIndex] ?? `new-${imageIndex}`} className="flex flex-col gap-1">
          <ImageField
            name={`${name}.${imageIndex}`}
            label={`${imageLabel} ${imageIndex + 1}`}
            otherError={images.length === 1 ? listError : undefined}
          />
          {images.length > 1 && (
            <Button
              size="sm"
              className="self-end"
              aria-label={`Remove ${imageLabel} ${imageIndex + 1}`}
              onClick={() => {
                forgetKey(imageIndex);
                update(getValues(name).filter((_url, at) => at !== imageIndex));
              }}
            >
              Remove image
            </Button>
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
