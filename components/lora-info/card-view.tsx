"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { WeightsCard } from "@/lib/lora-info/card";
import type { Fit } from "@/lib/lora-info/fit";
import { CardDetails, FamilyBadge, factsLine } from "./card-facts";

export const noteClass =
  "rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-200";

/** What to do about a card: switch the model, use another path. Absent where the card is only shown (history). */
export type CardActions = {
  onSwitchModel?: (path: string) => void;
  onUseInstead?: (path: string) => void;
};

const PASSING = new Set(["unreachable", "timeout", "rate-limited"]);

function Problem({ card }: { card: WeightsCard }) {
  const problem = card.problem;
  if (!problem) return null;
  return (
    <p className="text-xs text-zinc-700 dark:text-zinc-300">
      {problem.message}
      {PASSING.has(problem.kind) && " The run still goes: fal fetches the weights itself."}
    </p>
  );
}

/** What a Civitai token means for fal (docs/fal.md#lora-urls). */
function TokenNote({ card }: { card: WeightsCard }) {
  if (!card.token) return null;
  const history =
    "A token in the URL sits in fal's request history unless the run is kept off it (“Keep my inputs and outputs off fal's request history”).";
  return (
    <p role="note" aria-label="Civitai token" className={noteClass}>
      {card.token === "needed" ? (
        <>
          This file needs a Civitai API token: fal&apos;s runner gets a 401 without <code>?token=</code> in the URL. Add{" "}
          <code>?token=&lt;your Civitai API key&gt;</code> to the path. {history}
        </>
      ) : (
        <>The URL carries a Civitai token. {history}</>
      )}
    </p>
  );
}

export function FitWarning({ fit, actions }: { fit: Fit | undefined; actions?: CardActions }) {
  if (!fit) return null;
  const { switchTo } = fit;
  return (
    <p role="note" aria-label="Fit" className={`${noteClass} flex flex-wrap items-center gap-x-2 gap-y-1`}>
      <span>⚠ {fit.message}</span>
      {switchTo && actions?.onSwitchModel && (
        <Button size="sm" onClick={() => actions.onSwitchModel?.(switchTo.path)}>
          {switchTo.label}
        </Button>
      )}
    </p>
  );
}

type CardViewProps = {
  card: WeightsCard;
  /** "LoRA 1", "Model": names the card for screen readers. */
  label: string;
  fit?: Fit;
  actions?: CardActions;
  /** The trigger words and what the prompt lacks (LoRAs only). */
  triggers?: ReactNode;
};

/** A card: what the weights are, where they fit, their trigger words, and what could not be read. */
export function CardView({ card, label, fit, actions, triggers }: CardViewProps) {
  const facts = factsLine(card);
  const useInstead = card.useInstead;
  return (
    <section
      aria-label={`About ${label}`}
      className="flex min-w-0 flex-col gap-1.5 rounded-md border border-zinc-200 bg-zinc-50 p-2 text-xs dark:border-zinc-800 dark:bg-zinc-950/60"
    >
      <div className="flex min-w-0 items-start gap-2">
        {card.preview && (
          // eslint-disable-next-line @next/next/no-img-element -- a preview on Civitai's or the Hub's CDN
          <img
            src={card.preview}
            alt={`Preview of ${card.title ?? label}`}
            loading="lazy"
            className="size-12 shrink-0 rounded bg-zinc-200 object-cover dark:bg-zinc-800"
          />
        )}
        <div className="flex min-w-0 flex-1 flex-col gap-0.5">
          <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
            <span className="min-w-0 font-medium break-words [overflow-wrap:anywhere]">
              {card.title ?? card.file?.name ?? card.path}
            </span>
            <FamilyBadge card={card} />
          </div>
          {facts && <p className="text-zinc-600 dark:text-zinc-400">{facts}</p>}
        </div>
      </div>
      <Problem card={card} />
      <FitWarning fit={fit} actions={actions} />
      {useInstead && (
        <p role="note" aria-label="Path" className={`${noteClass} flex flex-wrap items-center gap-x-2 gap-y-1`}>
          <span>
            fal cannot download this address as it is; it needs <code className="break-all">{useInstead.path}</code>.
          </span>
          {actions?.onUseInstead && (
            <Button size="sm" onClick={() => actions.onUseInstead?.(useInstead.path)}>
              {useInstead.label}
            </Button>
          )}
        </p>
      )}
      <TokenNote card={card} />
      {triggers}
      {card.notes.map((note) => (
        <p key={note} className="text-zinc-600 dark:text-zinc-400">
          {note}
        </p>
      ))}
      <CardDetails card={card} />
    </section>
  );
}
