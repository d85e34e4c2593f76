"use client";

import { lazy, Suspense, useSyncExternalStore } from "react";
import { modelHintStore } from "@/lib/generation-data/model-hint-store";

const ModelHintNote = lazy(() => import("./model-hint-note").then((module) => ({ default: module.ModelHintNote })));
const noHint = () => undefined;

/** Beside the model field: the model the last generation data named, once there is one (its note loads then). */
export function GenerationModelHint() {
  const hint = useSyncExternalStore(modelHintStore.subscribe, modelHintStore.get, noHint);
  if (!hint) return null;
  return (
    <Suspense fallback={null}>
      <ModelHintNote hint={hint} />
    </Suspense>
  );
}
