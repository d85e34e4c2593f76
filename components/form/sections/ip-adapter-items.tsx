"use client";

import { memo } from "react";
import type { UseFieldArrayReturn } from "react-hook-form";
import { IpAdapterCardSlot } from "@/components/lora-info/card-slot";
import { PaintMaskButton } from "@/components/tools/slot-tools";
import { describeField, fieldLabels, type ItemField, itemFieldLabel } from "@/lib/fal/field-labels";
import { ipAdapterLimits, listLimits } from "@/lib/fal/limits";
import { newIpAdapter } from "@/lib/form/form-items";
import type { FormValues } from "@/lib/form/form-values";
import { AddItemButton } from "../add-item-button";
import { CheckboxField, NumberField, SliderNumberField, TextField } from "../fields";
import { ImageField } from "../image-field";
import { ListItem, ListItemControls, type ListItemProps } from "../list-item-controls";
import { ScaleJsonField } from "../scale-json-field";
import { IpAdapterImages } from "./ip-adapter-images";

const IpAdapterItem = memo(function IpAdapterItem({ index, count, move, remove }: ListItemProps) {
  const name = describeField("ip_adapter", index);
  const label = (field: ItemField<"ip_adapter">) => itemFieldLabel("ip_adapter", field, index);
  const at = `ip_adapter.${index}` as const;
  return (
    <ListItem
      title={name}
      controls={<ListItemControls itemName={name} index={index} count={count} onMove={move} onRemove={remove} />}
    >
      <IpAdapterImages index={index} itemName={name} />
      <ImageField name={`${at}.ip_adapter_mask_url`} label={`${label("ip_adapter_mask_url")} (optional)`} />
      <PaintMaskButton kind="ip-adapter" index={index} />
      <TextField name={`${at}.path`} label={label("path")} placeholder="h94/IP-Adapter" />
      <TextField name={`${at}.model_subfolder`} label={label("model_subfolder")} placeholder="sdxl_models" />
      <TextField name={`${at}.weight_name`} label={label("weight_name")} placeholder="ip-adapter_sdxl.bin" />
      <IpAdapterCardSlot index={index} label={name} />
      <TextField
        name={`${at}.insight_face_model_path`}
        label={label("insight_face_model_path")}
        hint="For FaceID weights only."
      />
      <NumberField
        name={`${at}.scale`}
        label={label("scale")}
        limit={{ min: ipAdapterLimits.scale.min, step: ipAdapterLimits.scale.step }}
      />
      <ScaleJsonField index={index} label={label("scale_json")} />
      <SliderNumberField
        name={`${at}.unconditional_noising_factor`}
        label={label("unconditional_noising_factor")}
        limit={ipAdapterLimits.unconditional_noising_factor}
      />
      <CheckboxField name={`${at}.image_projection_shortcut`} label={label("image_projection_shortcut")} />
    </ListItem>
  );
});

/** The IP adapters group's contents, loaded when the group is first needed (see `IpAdapterList`). */
export function IpAdapterItems({ fields, append, remove, move }: UseFieldArrayReturn<FormValues, "ip_adapter">) {
  return (
    <>
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
      <TextField
        name="image_encoder_path"
        label={fieldLabels.image_encoder_path}
        hint='Needed by "plus" IP-adapter weights, e.g. h94/IP-Adapter.'
      />
      <TextField
        name="image_encoder_subfolder"
        label={fieldLabels.image_encoder_subfolder}
        placeholder="models/image_encoder"
      />
      <TextField name="image_encoder_weight_name" label={fieldLabels.image_encoder_weight_name} />
    </>
  );
}
