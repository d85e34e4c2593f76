"use client";

import { lazy, Suspense, useState } from "react";
import { useWatch } from "react-hook-form";
import type { FormValues } from "@/lib/form/form-values";

/*
 * Where the cards go. These stay in the page's first load and only watch a path; the cards
 * themselves (weights-card.tsx) load when a first path is entered.
 */

const cards = () => import("./weights-card");
const LoraCard = lazy(() => cards().then((module) => ({ default: module.LoraCard })));
const ModelCard = lazy(() => cards().then((module) => ({ default: module.ModelCard })));
const ControlNetCard = lazy(() => cards().then((module) => ({ default: module.ControlNetCard })));
const IpAdapterCard = lazy(() => cards().then((module) => ({ default: module.IpAdapterCard })));

const entered = (path: unknown) => typeof path === "string" && path.trim() !== "";

export function LoraCardSlot({ index, label }: { index: number; label: string }) {
  const path = useWatch<FormValues, `loras.${number}.path`>({ name: `loras.${index}.path` });
  if (!entered(path)) return null;
  return (
    <Suspense fallback={null}>
      <LoraCard index={index} label={label} />
    </Suspense>
  );
}

export function ControlNetCardSlot({ index, label }: { index: number; label: string }) {
  const path = useWatch<FormValues, `controlnets.${number}.path`>({ name: `controlnets.${index}.path` });
  if (!entered(path)) return null;
  return (
    <Suspense fallback={null}>
      <ControlNetCard index={index} label={label} />
    </Suspense>
  );
}

export function IpAdapterCardSlot({ index, label }: { index: number; label: string }) {
  const path = useWatch<FormValues, `ip_adapter.${number}.path`>({ name: `ip_adapter.${index}.path` });
  if (!entered(path)) return null;
  return (
    <Suspense fallback={null}>
      <IpAdapterCard index={index} label={label} />
    </Suspense>
  );
}

const pathOf = (item: { path?: unknown }) => item.path;

/**
 * The model's card, from the moment it matters: the model was changed, or a LoRA, ControlNet or IP
 * adapter path was entered (whose fit is judged against it). A page left as it loaded asks nothing.
 */
export function ModelCardSlot() {
  const [model, loras, controlnets, adapters] = useWatch<
    FormValues,
    ["model_name", "loras", "controlnets", "ip_adapter"]
  >({
    name: ["model_name", "loras", "controlnets", "ip_adapter"],
  });
  const [initial] = useState(model);
  const [shown, setShown] = useState(false);
  const wanted =
    model !== initial || [...(loras ?? []), ...(controlnets ?? []), ...(adapters ?? [])].map(pathOf).some(entered);
  if (wanted && !shown) setShown(true);
  if (!shown && !wanted) return null;
  return (
    <Suspense fallback={null}>
      <ModelCard />
    </Suspense>
  );
}
