"use client";

import { memo } from "react";
import { useFieldArray } from "react-hook-form";
import { controlNetLimits, listLimits } from "@/lib/fal/limits";
import { newControlNet } from "@/lib/form/form-items";
import type { FormValues } from "@/lib/form/form-values";
import { CheckboxField, NumberField, SliderNumberField, TextField } from "../fields";
import { FormSection } from "../form-section";
import { AddItemButton } from "../add-item-button";
import { ImageField } from "../image-field";
import { ListItem, ListItemControls } from "../list-item-controls";
import { StartEndRange } from "../start-end-range";

type ControlNetItemProps = { index: number; count: number; move: (from: number, to: number) => void; remove: (index: number) => void };

const ControlNetItem = memo(function ControlNetItem({ index, count, move, remove }: ControlNetItemProps) {
  const name = `ControlNet ${index + 1}`;
  return (
    <ListItem title={name} controls={<ListItemControls itemName={name} index={index} count={count} onMove={move} onRemove={remove} />}>
      <TextField name={`controlnets.${index}.path`} label={`${name} path`} placeholder="diffusers/controlnet-canny-sdxl-1.0" />
      <ImageField name={`controlnets.${index}.image_url`} label={`${name} control image`} />
      <ImageField
        name={`controlnets.${index}.mask_url`}
        label={`${name} mask (optional)`}
        hint="Same size as the control image; both sides divisible by 32."
      />
      <SliderNumberField name={`controlnets.${index}.conditioning_scale`} label={`${name} conditioning scale`} limit={controlNetLimits.conditioning_scale} />
      <StartEndRange
        start={`controlnets.${index}.start_percentage`}
        end={`controlnets.${index}.end_percentage`}
        label={name}
        limits={{ start: controlNetLimits.start_percentage, end: controlNetLimits.end_percentage }}
      />
      <TextField name={`controlnets.${index}.config_url`} label={`${name} config URL`} />
      <TextField name={`controlnets.${index}.variant`} label={`${name} variant`} placeholder="fp16" />
      <NumberField
        name={`controlnets.${index}.ip_adapter_index`}
        label={`${name} IP adapter index`}
        optional
        limit={{ min: 0, step: 1 }}
        hint="Pair it with the IP adapter at this position (0 is the first); leave empty for none."
      />
    </ListItem>
  );
});

export function ControlNetList() {
  const { fields, append, remove, move } = useFieldArray<FormValues, "controlnets">({ name: "controlnets" });
  return (
    <FormSection title="ControlNets" summary={fields.length > 0 ? `${fields.length} added` : "none"}>
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
        label="ControlNet guess mode"
        hint="Let the ControlNets recognise the control image's content even without a prompt."
      />
    </FormSection>
  );
}
