"use client";

import { lazyComponent } from "@/components/ui/lazy-component";
import { memo, useEffect, useRef, useState } from "react";
import { FormProvider } from "react-hook-form";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { numberLimits } from "@/lib/fal/limits";
import { toRequestBody } from "@/lib/form/form-values";
import { SliderNumberField } from "./fields";
import { focusFirstErrorWhenShown } from "./focus-first-error";
import { FormTabs, type FormTab } from "./form-tabs";
import { ImageField } from "./image-field";
import { ControlNetList } from "./sections/controlnet-list";
import { EmbeddingSection } from "./sections/embedding-section";
import { IcLightSection } from "./sections/ic-light-section";
import { IpAdapterList } from "./sections/ip-adapter-list";
import { LoraList } from "./sections/lora-list";
import { ModelDetailsSection, ModelField } from "./sections/model-fields";
import { OutputSection } from "./sections/output-section";
import { RequestOptionsSection } from "./request-options-section";
import { PromptFields } from "./sections/prompt-fields";
import { SamplingBasics, SamplingSection } from "./sections/sampling-fields";
import { TilingSection } from "./sections/tiling-section";
import { RUN_SETTINGS_FORM_ID } from "./show-server-errors";
import type { PlaygroundFormApi } from "./use-playground-form";
import { fieldLabels } from "@/lib/fal/field-labels";

const JsonTab = lazyComponent(() => import("./json-tab").then((module) => module.JsonTab), {
  loading: <p className="text-sm text-zinc-500">Loading the JSON editor…</p>,
});

type PlaygroundFormProps = {
  form: PlaygroundFormApi;
  onRun: (body: LoraRequest) => void;
};

/** The settings form; memoized, as the page re-renders with every change to its runs and the form need not. */
export const PlaygroundForm = memo(function PlaygroundForm({ form, onRun }: PlaygroundFormProps) {
  const formElement = useRef<HTMLFormElement>(null);
  const [tab, setTab] = useState<FormTab>("form");
  const [jsonValid, setJsonValid] = useState(true);

  const submitForm = form.handleSubmit(
    (values) => onRun(toRequestBody(values)),
    () => {
      focusFirstErrorWhenShown(() => formElement.current);
      setTab("form");
    },
  );
  const submit = async (event?: React.BaseSyntheticEvent) => {
    if (tab === "json" && !jsonValid) {
      event?.preventDefault();
      document.getElementById("request-json")?.focus();
      return;
    }
    await submitForm(event);
  };
  const changeTab = (next: FormTab) => {
    setJsonValid(true);
    setTab(next);
  };
  // The form has taken over the prerendered fields (each registered, with what was typed kept):
  // said on the element, for whatever waits on it (the end-to-end tests), without a render.
  useEffect(() => formElement.current?.setAttribute("data-ready", ""), []);

  return (
    <FormProvider {...form}>
      <form
        ref={formElement}
        id={RUN_SETTINGS_FORM_ID}
        onSubmit={submit}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            void submit();
          }
        }}
        noValidate
        // Run pressed before the scripts have taken over would submit natively: a GET that reloads the
        // page and loses what was typed. A dialog-method form outside a dialog submits nowhere.
        method="dialog"
        aria-label="Run settings"
        className="flex flex-col gap-4"
      >
        <FormTabs tab={tab} onChange={changeTab} />
        <div
          id="form-panel"
          role="tabpanel"
          aria-labelledby="form-tab"
          hidden={tab !== "form"}
          className="flex flex-col gap-4"
        >
          <ModelField />
          <PromptFields />
          <ImageField
            name="image_url"
            label={fieldLabels.image_url}
            hint="Ctrl/⌘+V anywhere on the page pastes an image here."
            takesPageWidePaste
          />
          <SliderNumberField
            name="noise_strength"
            label={numberLimits.noise_strength.label}
            limit={numberLimits.noise_strength}
            hint="0 keeps the init image, 1 is all noise."
          />
          <LoraList />
          <SamplingBasics />
          <div className="flex flex-col gap-2">
            <ModelDetailsSection />
            <EmbeddingSection />
            <ControlNetList />
            <IpAdapterList />
            <IcLightSection />
            <SamplingSection />
            <TilingSection />
            <OutputSection />
            <RequestOptionsSection />
          </div>
        </div>
        {tab === "json" && (
          <div id="json-panel" role="tabpanel" aria-labelledby="json-tab">
            <JsonTab onValidityChange={setJsonValid} />
          </div>
        )}
      </form>
    </FormProvider>
  );
});
