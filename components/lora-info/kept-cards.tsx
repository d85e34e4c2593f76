"use client";

import type { ReactNode } from "react";
import type { RunCards } from "@/lib/lora-info/card";
import { fitOf } from "@/lib/lora-info/fit";
import { CardView } from "./card-view";
import { TriggerWords } from "./trigger-words";

function Labelled({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <p className="text-xs font-semibold text-zinc-600 dark:text-zinc-400">{name}</p>
      {children}
    </div>
  );
}

type KeptCardsProps = {
  cards: RunCards;
  prompt: string;
  heading: string;
  /** Whose cards these are ("this run", "A"), so their names differ from the form's. */
  owner: string;
};

/** The cards a run was started with, as they were: its model's and each LoRA's, with their fit and trigger words. */
export function KeptCards({ cards, prompt, heading, owner }: KeptCardsProps) {
  return (
    <details className="rounded-md border border-zinc-200 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer px-3 py-2 font-medium select-none">{heading}</summary>
      <div className="flex flex-col gap-2 border-t border-zinc-200 p-2 dark:border-zinc-800">
        {cards.model && (
          <Labelled name="Model">
            <CardView card={cards.model} label={`the model of ${owner}`} />
          </Labelled>
        )}
        {cards.loras.map((card, index) => (
          <Labelled key={`${index}-${card?.path ?? ""}`} name={`LoRA ${index + 1}`}>
            {card ? (
              <CardView
                card={card}
                label={`LoRA ${index + 1} of ${owner}`}
                fit={fitOf(card, cards.model)}
                triggers={<TriggerWords words={card.triggerWords} prompt={prompt} />}
              />
            ) : (
              <p className="text-xs text-zinc-500">No card was ready when the run started.</p>
            )}
          </Labelled>
        ))}
      </div>
    </details>
  );
}
