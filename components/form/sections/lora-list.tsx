"use client";

import { memo } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { LoraNameNote } from "@/components/generation-data/lora-name-note";
import { lazyComponent } from "@/components/ui/lazy-component";
import { LoraCardSlot } from "@/components/lora-info/card-slot";
import { describeField, itemFieldLabel } from "@/lib/fal/field-labels";
import { listLimits, loraLimits } from "@/lib/fal/limits";
import { newLora } from "@/lib/form/form-items";
import type { FormValues } from "@/lib/form/form-values";
import { SliderNumberField, TextField } from "../fields";
import { AddItemButton } from "../add-item-button";
import { ListItem, ListItemControls, type ListItemProps } from "../list-item-controls";

// The Civitai advice and its path reader load only for a path that names Civitai.
const CivitaiHint = lazyComponent(() => import("./civitai-hint").then((module) => module.CivitaiHint));

function CivitaiHintSlot({ index }: { index: number }) {
  const path = useWatch<FormValues, `loras.${number}.path`>({ name: `loras.${index}.path` });
  return /civitai/i.test(path ?? "") ? <CivitaiHint index={index} /> : null;
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
      <CivitaiHintSlot index={index} />
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
