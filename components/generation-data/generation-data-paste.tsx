"use client";

import { lazy, Suspense, useEffect, useState } from "react";
import { isInsideField } from "@/components/form/page-image";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import { looksLikeGenerationData } from "@/lib/generation-data/detect";
import { GENERATION_DATA_EVENT, type GenerationDataSource } from "./generation-data-events";

// The parser and the offer load only once something looks like generation data (issue 14's budget);
// React's lazy adds nothing to the first load, next/dynamic would bring its loader.
const GenerationDataOffer = lazy(() =>
  import("./generation-data-offer").then((module) => ({ default: module.GenerationDataOffer })),
);

const PROMPT_BOXES = ["prompt", "negative_prompt"] as const;

function promptBoxOf(target: EventTarget | null): GenerationDataSource["pastedInto"] {
  if (!(target instanceof HTMLTextAreaElement)) return undefined;
  return PROMPT_BOXES.find((name) => target.name === name);
}

/**
 * Watches pastes for generation data from AUTOMATIC1111, Forge, Fooocus or Civitai (and takes
 * what the PNG reader finds in dropped images) and offers to fill the form from it. Pasted into a
 * prompt box, the text lands there as usual first, so declining loses nothing.
 */
export function GenerationDataPaste({ form }: { form: PlaygroundFormApi }) {
  const [offer, setOffer] = useState<{ source: GenerationDataSource; id: number }>();

  useEffect(() => {
    let count = 0;
    const show = (source: GenerationDataSource) => setOffer({ source, id: ++count });
    const onPaste = (event: ClipboardEvent) => {
      if (event.defaultPrevented) return;
      const text = event.clipboardData?.getData("text/plain") ?? "";
      if (!looksLikeGenerationData(text)) return;
      const pastedInto = promptBoxOf(event.target);
      if (pastedInto) return show({ text, pastedInto });
      if (isInsideField(event.target)) return;
      event.preventDefault();
      show({ text });
    };
    const onOffer = (event: Event) => {
      if (event instanceof CustomEvent) show(event.detail as GenerationDataSource);
    };
    window.addEventListener("paste", onPaste);
    document.addEventListener(GENERATION_DATA_EVENT, onOffer);
    return () => {
      window.removeEventListener("paste", onPaste);
      document.removeEventListener(GENERATION_DATA_EVENT, onOffer);
    };
  }, []);

  if (!offer) return null;
  return (
    <Suspense fallback={null}>
      <GenerationDataOffer key={offer.id} form={form} source={offer.source} onClose={() => setOffer(undefined)} />
    </Suspense>
  );
}
