"use client";

import type { RunCards } from "@/lib/lora-info/card";
import { fitOf } from "@/lib/lora-info/fit";
import { CardView } from "./card-view";
import { TriggerWords } from "./trigger-words";

/** The cards a run was started with, as they were: its model's and each LoRA's, with their fit and trigger words. */
export function KeptCards({ cards, prompt, heading }: { cards: RunCards; prompt: string; heading: string }) {
  return (
    <details className="rounded-md border border-zinc-200 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer px-3 py-2 font-medium select-none">{heading}</summary>
      <div className="flex flex-col gap-2 border-t border-zinc-200 p-2 dark:border-zinc-800">
        {cards.model && <CardView card={cards.model} label="the model" />}
        {cards.loras.map((card, index) =>
          card ? (
            <CardView
              key={`${index}-${card.path}`}
              card={card}
              label={`LoRA ${index + 1}`}
              fit={fitOf(card, cards.model)}
              triggers={<TriggerWords words={card.triggerWords} prompt={prompt} />}
            />
          ) : (
            <p key={`${index}-none`} className="text-xs text-zinc-500">
              LoRA {index + 1}: no card was ready when the run started.
            </p>
          ),
        )}
      </div>
    </details>
  );
}
