"use client";

import { useFormContext, useWatch } from "react-hook-form";
import type { FormValues } from "@/lib/form/form-values";
import type { WeightsCard } from "@/lib/lora-info/card";
import type { CardState } from "@/lib/lora-info/card-store";
import { fitOf, withTrigger } from "@/lib/lora-info/fit";
import type { CardQuery } from "@/lib/lora-info/query";
import { type CardActions, CardView } from "./card-view";
import { TriggerWords } from "./trigger-words";
import { useCard, useSettledPath } from "./use-card";

/*
 * The cards under the model and under each LoRA, ControlNet and IP adapter row: loaded with the
 * first path entered (see card-slot.tsx), filled from /api/lora-info.
 */

const readyCard = (state: CardState | undefined): WeightsCard | undefined =>
  state?.status === "ready" ? state.card : undefined;

function Loading({ label }: { label: string }) {
  return (
    <p role="status" aria-label={`About ${label}`} className="text-xs text-zinc-500">
      Reading what {label} is…
    </p>
  );
}

/** The model's card, which every row's fit is judged against. */
function useModelCard(): WeightsCard | undefined {
  const model = useWatch<FormValues, "model_name">({ name: "model_name" }) ?? "";
  const settled = useSettledPath(model.trim());
  return readyCard(useCard(settled ? { path: settled, role: "model" } : undefined));
}

function useActions(
  field: `loras.${number}.path` | "model_name" | `controlnets.${number}.path` | `ip_adapter.${number}.path`,
): CardActions {
  const { setValue } = useFormContext<FormValues>();
  const set = (name: typeof field | "model_name", value: string) =>
    setValue(name, value, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
  return { onSwitchModel: (path) => set("model_name", path), onUseInstead: (path) => set(field, path) };
}

export function ModelCard() {
  const model = useWatch<FormValues, "model_name">({ name: "model_name" }) ?? "";
  const settled = useSettledPath(model.trim());
  const state = useCard(settled ? { path: settled, role: "model" } : undefined);
  const actions = useActions("model_name");
  if (!settled) return null;
  if (state?.status !== "ready") return <Loading label="the model" />;
  const card = state.card;
  const fit = card.family?.family === "other" ? fitOf(card, undefined) : undefined;
  return <CardView card={card} label="the model" fit={fit} actions={actions} />;
}

/** The trigger words with the prompt they go into; only this part of a card follows the prompt's every keystroke. */
function PromptTriggers({ card }: { card: WeightsCard }) {
  const { setValue } = useFormContext<FormValues>();
  const prompt = useWatch<FormValues, "prompt">({ name: "prompt" }) ?? "";
  if (card.triggerWords.length === 0) return null;
  const insert = (word: string) =>
    setValue("prompt", withTrigger(prompt, word), { shouldDirty: true, shouldTouch: true, shouldValidate: true });
  return <TriggerWords words={card.triggerWords} prompt={prompt} onInsert={insert} />;
}

export function LoraCard({ index, label }: { index: number; label: string }) {
  const path = useWatch<FormValues, `loras.${number}.path`>({ name: `loras.${index}.path` }) ?? "";
  const settled = useSettledPath(path.trim());
  const state = useCard(settled ? { path: settled, role: "lora" } : undefined);
  const model = useModelCard();
  const actions = useActions(`loras.${index}.path`);
  if (!settled) return null;
  if (state?.status !== "ready") return <Loading label={label} />;
  const card = state.card;
  return (
    <CardView
      card={card}
      label={label}
      fit={fitOf(card, model)}
      actions={actions}
      triggers={<PromptTriggers card={card} />}
    />
  );
}

function ItemCard({
  query,
  label,
  field,
}: {
  query: CardQuery | undefined;
  label: string;
  field: `controlnets.${number}.path` | `ip_adapter.${number}.path`;
}) {
  const state = useCard(query);
  const model = useModelCard();
  const actions = useActions(field);
  if (!query) return null;
  if (state?.status !== "ready") return <Loading label={label} />;
  return <CardView card={state.card} label={label} fit={fitOf(state.card, model)} actions={actions} />;
}

/** A ControlNet's card: mostly whether it fits the model. */
export function ControlNetCard({ index, label }: { index: number; label: string }) {
  const path = useWatch<FormValues, `controlnets.${number}.path`>({ name: `controlnets.${index}.path` }) ?? "";
  const settled = useSettledPath(path.trim());
  const query: CardQuery | undefined = settled ? { path: settled, role: "controlnet" } : undefined;
  return <ItemCard query={query} label={label} field={`controlnets.${index}.path`} />;
}

/** An IP adapter's card: its weights are `subfolder/weight_name` in the repository. */
export function IpAdapterCard({ index, label }: { index: number; label: string }) {
  const [path = "", subfolder = "", weightName = ""] = useWatch<
    FormValues,
    [`ip_adapter.${number}.path`, `ip_adapter.${number}.model_subfolder`, `ip_adapter.${number}.weight_name`]
  >({
    name: [`ip_adapter.${index}.path`, `ip_adapter.${index}.model_subfolder`, `ip_adapter.${index}.weight_name`],
  });
  const settled = useSettledPath([path.trim(), subfolder.trim(), weightName.trim()].join("\n"));
  const [settledPath, settledSubfolder, settledWeight] = settled?.split("\n") ?? [];
  const query: CardQuery | undefined = settledPath
    ? { path: settledPath, role: "ip-adapter", subfolder: settledSubfolder, weightName: settledWeight }
    : undefined;
  return <ItemCard query={query} label={label} field={`ip_adapter.${index}.path`} />;
}
