"use client";

import { useFieldArray } from "react-hook-form";
import type { FormValues } from "@/lib/form/form-values";
import { FormSection } from "../form-section";
import { sectionBody } from "../section-body";

const IP_ADAPTER_FIELDS = [
  "ip_adapter",
  "image_encoder_path",
  "image_encoder_subfolder",
  "image_encoder_weight_name",
] as const;

const IpAdapterItems = sectionBody(() => import("./ip-adapter-items").then((module) => module.IpAdapterItems));

export function IpAdapterList() {
  const items = useFieldArray<FormValues, "ip_adapter">({ name: "ip_adapter" });
  const count = items.fields.length;
  return (
    <FormSection title="IP adapters" fields={IP_ADAPTER_FIELDS} summary={count > 0 ? `${count} added` : "none"}>
      <IpAdapterItems {...items} />
    </FormSection>
  );
}
