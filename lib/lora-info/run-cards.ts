import type { RunCards } from "./card";
import { fitOf } from "./fit";

/** A run's cards in one line for its history row: "SDXL model · LoRA 1 SD 1.x (does not fit) · LoRA 2 SDXL". */
export function runCardsLine(cards: RunCards | undefined): string | undefined {
  if (!cards) return undefined;
  const parts: string[] = [];
  if (cards.model?.family) parts.push(`${cards.model.family.name} model`);
  cards.loras.forEach((card, index) => {
    if (!card?.family) return;
    const misfit = fitOf(card, cards.model) ? " (does not fit)" : "";
    parts.push(`LoRA ${index + 1} ${card.family.name}${misfit}`);
  });
  return parts.length > 0 ? parts.join(" · ") : undefined;
}
