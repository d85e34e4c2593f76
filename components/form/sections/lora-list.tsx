"use client";

import { memo } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { LoraNameNote } from "@/components/generation-data/lora-name-note";
import { Button } from "@/components/ui/button";
import { LoraCardSlot } from "@/components/lora-info/card-slot";
import { describeField, itemFieldLabel } from "@/lib/fal/field-labels";
import { listLimits, loraLimits } from "@/lib/fal/limits";
import { civitaiAdvice } from "@/lib/civitai/civitai";
import { newLora } from "@/lib/form/form-items";
import type { FormValues } from "@/lib/form/form-values";
import { SliderNumberField, TextField } from "../fields";
import { AddItemButton } from "../add-item-button";
import { ListItem, ListItemControls, type ListItemProps } from "../list-item-controls";

function CivitaiHint({ index }: { index: number }) {
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

const LoraItem = memo(function LoraItem({ index, count, move, remove }: ListItemProps) {
  const name = describeField("loras", index);
  return (
    <ListItem
      title={name}
      controls={<ListItemControls itemName={name} index={index} count={count} onMove={move} onRemove={remove} />}
    >
      <TextField
        name={`loras.${index}.path`}
        label={itemFieldLabel("loras", "path", index)}
        placeholder="nerijs/pixel-art-xl or https://…/lora.safetensors"
      />
      <LoraNameNote index={index} />
      <CivitaiHint index={index} />
      <LoraCardSlot index={index} label={name} />
      <SliderNumberField
        name={`loras.${index}.scale`}
        label={itemFieldLabel("loras", "scale", index)}
        limit={loraLimits.scale}
      />
    </ListItem>
  );
});

export function LoraList() {
  const { fields, append, remove, move } = useFieldArray<FormValues, "loras">({ name: "loras" });
  return (
    <section aria-labelledby="loras-heading" className="flex flex-col gap-2">
      <h3 id="loras-heading" className="text-sm font-semibold">
        LoRAs <span className="font-normal text-zinc-500">({fields.length})</span>
      </h3>
      {fields.map((field, index) => (
        <LoraItem key={field.id} index={index} count={fields.length} move={move} remove={remove} />
      ))}
      <AddItemButton
        id="loras-add"
        label="Add LoRA"
        count={fields.length}
        limit={listLimits.loras}
        onAdd={() => append(newLora(), { shouldFocus: false })}
      />
    </section>
  );
}
