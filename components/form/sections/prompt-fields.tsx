"use client";

import { CheckboxField, TextAreaField } from "../fields";
import { fieldLabels } from "@/lib/fal/field-labels";

export function PromptFields() {
  return (
    <>
      <TextAreaField
        name="prompt"
        label={fieldLabels.prompt}
        placeholder="Photo of a medieval queen, silver hair, intricate crown"
      />
      <TextAreaField
        name="negative_prompt"
        label={fieldLabels.negative_prompt}
        rows={2}
        placeholder="blurry, low quality"
      />
      <CheckboxField
        name="prompt_weighting"
        label={fieldLabels.prompt_weighting}
        hint={
          <>
            Lifts the 77-token limit and enables compel syntax: <code>(word)1.3</code> or <code>word++</code> to stress,{" "}
            <code>word--</code> to soften, <code>(a, b).and()</code> to blend.
          </>
        }
      />
    </>
  );
}
