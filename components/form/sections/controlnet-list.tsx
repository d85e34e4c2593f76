"use client";

import { useFieldArray } from "react-hook-form";
import type { FormValues } from "@/lib/form/form-values";
import { FormSection } from "../form-section";
import { sectionBody } from "../section-body";

const ControlNetItems = sectionBody(() => import("./controlnet-items").then((module) => module.ControlNetItems));

export function ControlNetList() {
  const items = useFieldArray<FormValues, "controlnets">({ name: "controlnets" });
  const count = items.fields.length;
  return (
    <FormSection
      title="ControlNets"
      fields={["controlnets", "controlnet_guess_mode"]}
      summary={count > 0 ? `${count} added` : "none"}
    >
      <ControlNetItems {...items} />
    </FormSection>
  );
}
