import { FAMILY_LABELS, LAYOUT_LABELS, type WeightsCard } from "@/lib/lora-info/card";

const MB = 1000 * 1000;

function size(bytes: number): string {
  if (bytes >= 1000 * MB) return `${(bytes / (1000 * MB)).toFixed(1)} GB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

/** The card's findings in one line: layout, rank, alpha, what it was trained on, its size. */
export function factsLine(card: WeightsCard): string {
  const trained = [card.trainedOn, card.resolution && `at ${card.resolution}`].filter(Boolean).join(" ");
  return [
    card.pipeline ?? (card.layout && LAYOUT_LABELS[card.layout]),
    card.rank && `rank ${card.rank}`,
    card.alpha && `alpha ${card.alpha}`,
    trained && `trained on ${trained}`,
    card.file?.bytes && size(card.file.bytes),
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The family in a badge: "SDXL", "SD 1.5", "Flux". */
export function FamilyBadge({ card }: { card: WeightsCard }) {
  const family = card.family;
  if (!family) return null;
  const other = family.family === "other";
  return (
    <span
      title={family.evidence}
      className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ${
        other
          ? "bg-red-100 text-red-800 dark:bg-red-950/60 dark:text-red-200"
          : "bg-accent-100 text-accent-800 dark:bg-accent-950 dark:text-accent-200"
      }`}
    >
      {other ? `${family.name}: ${FAMILY_LABELS.other}` : family.name}
    </span>
  );
}

/** How the card was read: the evidence, the file, how much of it was read, and what else was noticed. */
export function CardDetails({ card }: { card: WeightsCard }) {
  const rows: [string, string][] = [
    ...(card.family ? [["Made for", `${card.family.name}: ${card.family.evidence}`] as [string, string]] : []),
    ...(card.disagreement ? [["But", card.disagreement] as [string, string]] : []),
    ...(card.file ? [["File", card.file.name] as [string, string]] : []),
    ...(card.tensors !== undefined ? [["Tensors", String(card.tensors)] as [string, string]] : []),
    ...(card.bytesRead !== undefined
      ? [["Read", `${size(card.bytesRead)} of the file (its header)`] as [string, string]]
      : []),
  ];
  if (rows.length === 0) return null;
  return (
    <details className="text-zinc-600 dark:text-zinc-400">
      <summary className="cursor-pointer select-none">How this was read</summary>
      <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium">{term}</dt>
            <dd className="break-words [overflow-wrap:anywhere]">{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
