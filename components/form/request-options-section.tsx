"use client";

import { FormSection } from "./form-section";
import { sectionBody } from "./section-body";

const RequestOptionsFields = sectionBody(() =>
  import("./request-options-fields").then((module) => module.RequestOptionsFields),
);

/**
 * fal's request options, collapsed under "Request": how fal handles the runs and uploads of this
 * browser, not what the model makes. Kept in this browser only; links and presets never carry them.
 */
export function RequestOptionsSection() {
  return (
    <FormSection title="Request" fields={[]} summary="timeout, priority, history, file lifetime">
      <RequestOptionsFields />
    </FormSection>
  );
}
