"use client";

import { memo } from "react";
import type { UseFieldArrayReturn } from "react-hook-form";
import { ControlNetCardSlot } from "@/components/lora-info/card-slot";
import { EdgeMapButton, PaintMaskButton } from "@/components/tools/slot-tools";
import { describeField, fieldLabels, type ItemField, itemFieldLabel } from "@/lib/fal/field-labels";
import { controlNetLimits, listLimits } from "@/lib/fal/limits";
import { newControlNet } from "@/lib/form/form-items";
import type { FormValues } from "@/lib/form/form-values";
import { AddItemButton } from "../add-item-button";
import { CheckboxField, NumberField, SliderNumberField, TextField } from "../fields";
import { ImageField } from "../image-field";
import { ListItem, ListItemControls, type ListItemProps } from "../list-item-controls";
import { StartEndRange } from "../start-end-range";

const ControlNetItem = memo(function ControlNetItem({ index, count, move, remove }: ListItemProps) {
  const name = describeField("controlnets", index);
  const label = (field: ItemField<"controlnets">) => itemFieldLabel("controlnets", field, index);
  return (
    <ListItem
      title={name}
      controls={<ListItemControls itemName={name} index={index} count={count} onMove={move} onRemove={remove} />}
    >
      <TextField
        name={`controlnets.${index}.path`}
        label={label("path")}
        placeholder="diffusers/controlnet-canny-sdxl-1.0"
      />
      <ControlNetCardSlot index={index} label={name} />
      <ImageField name={`controlnets.${index}.image_url`} label={label("image_url")} />
      <EdgeMapButton index={index} />
      <ImageField
        name={`controlnets.${index}.mask_url`}
        label={`${label("mask_url")} (optional)`}
        hint="Same size as the control image; both sides divisible by 32."
      />
      <PaintMaskButton kind="controlnet" index={index} />
      <SliderNumberField
        name={`controlnets.${index}.conditioning_scale`}
        label={label("conditioning_scale")}
        limit={controlNetLimits.conditioning_scale}
      />
      <StartEndRange
        start={`controlnets.${index}.start_percentage`}
        end={`controlnets.${index}.end_percentage`}
        label={name}
        labels={{ start: label("start_percentage"), end: label("end_percentage") }}
        limits={{ start: controlNetLimits.start_percentage, end: controlNetLimits.end_percentage }}
      />
      <TextField name={`controlnets.${index}.config_url`} label={label("config_url")} />
      <TextField name={`controlnets.${index}.variant`} label={label("variant")} placeholder="fp16" />
      <NumberField
        name={`controlnets.${index}.ip_adapter_index`}
        label={label("ip_adapter_index")}
        optional
        limit={controlNetLimits.ip_adapter_index}
        hint="Pair it with the IP adapter at this position (0 is the first); leave empty for none."
      />
    </ListItem>
  );
});

/** The ControlNets group's contents, loaded when the group is first needed (see `ControlNetList`). */
export function ControlNetItems({ fields, append, remove, move }: UseFieldArrayReturn<FormValues, "controlnets">) {
  return (
    <>
      {fields.map((field, index) => (
        <ControlNetItem key={field.id} index={index} count={fields.length} move={move} remove={remove} />
      ))}
      <AddItemButton
        id="controlnets-add"
        label="Add ControlNet"
        count={fields.length}
        limit={listLimits.controlnets}
        onAdd={() => append(newControlNet(), { shouldFocus: false })}
      />
      <CheckboxField
        name="controlnet_guess_mode"
        label={fieldLabels.controlnet_guess_mode}
        hint="Let the ControlNets recognise the control image's content even without a prompt."
      />
    </>
  );
}
