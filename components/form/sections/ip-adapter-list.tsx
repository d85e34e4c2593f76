"use client";

import { memo } from "react";
import { useFieldArray } from "react-hook-form";
import { ipAdapterLimits, listLimits } from "@/lib/fal/limits";
import { newIpAdapter } from "@/lib/form/form-items";
import type { FormValues } from "@/lib/form/form-values";
import { CheckboxField, NumberField, SliderNumberField, TextField } from "../fields";
import { FormSection } from "../form-section";
import { AddItemButton } from "../add-item-button";
import { ImageField } from "../image-field";
import { ListItem, ListItemControls } from "../list-item-controls";
import { ScaleJsonField } from "../scale-json-field";
import { IpAdapterImages } from "./ip-adapter-images";

type IpAdapterItemProps = { index: number; count: number; move: (from: number, to: number) => void; remove: (index: number) => void };

const IpAdapterItem = memo(function IpAdapterItem({ index, count, move, remove }: IpAdapterItemProps) {
  const name = `IP adapter ${index + 1}`;
  const at = `ip_adapter.${index}` as const;
  return (
    <ListItem title={name} controls={<ListItemControls itemName={name} index={index} count={count} onMove={move} onRemove={remove} />}>
      <IpAdapterImages index={index} itemName={name} />
      <ImageField name={`${at}.ip_adapter_mask_url`} label={`${name} mask (optional)`} />
      <TextField name={`${at}.path`} label={`${name} path`} placeholder="h94/IP-Adapter" />
      <TextField name={`${at}.model_subfolder`} label={`${name} model subfolder`} placeholder="sdxl_models" />
      <TextField name={`${at}.weight_name`} label={`${name} weight name`} placeholder="ip-adapter_sdxl.bin" />
      <TextField name={`${at}.insight_face_model_path`} label={`${name} InsightFace model path`} hint="For FaceID weights only." />
      <NumberField name={`${at}.scale`} label={`${name} scale`} limit={{ min: 0, step: ipAdapterLimits.scale.step }} />
      <ScaleJsonField index={index} label={`${name} scale JSON`} />
      <SliderNumberField
        name={`${at}.unconditional_noising_factor`}
        label={`${name} unconditional noising factor`}
        limit={ipAdapterLimits.unconditional_noising_factor}
      />
      <CheckboxField name={`${at}.image_projection_shortcut`} label={`${name} image projection shortcut`} />
    </ListItem>
  );
});

export function IpAdapterList() {
  const { fields, append, remove, move } = useFieldArray<FormValues, "ip_adapter">({ name: "ip_adapter" });
  return (
    <FormSection title="IP adapters" summary={fields.length > 0 ? `${fields.length} added` : "none"}>
      {fields.map((field, index) => (
        <IpAdapterItem key={field.id} index={index} count={fields.length} move={move} remove={remove} />
      ))}
      <AddItemButton
        id="ip-adapters-add"
        label="Add IP adapter"
        count={fields.length}
        limit={listLimits.ip_adapter}
        onAdd={() => append(newIpAdapter(), { shouldFocus: false })}
      />
      <TextField name="image_encoder_path" label="Image encoder path" hint='Needed by "plus" IP-adapter weights, e.g. h94/IP-Adapter.' />
      <TextField name="image_encoder_subfolder" label="Image encoder subfolder" placeholder="models/image_encoder" />
      <TextField name="image_encoder_weight_name" label="Image encoder weight name" />
    </FormSection>
  );
}
