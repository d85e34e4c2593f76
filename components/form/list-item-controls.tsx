import { Button } from "@/components/ui/button";

/** What each item of a LoRA, ControlNet or IP adapter list is given by its list. */
export type ListItemProps = {
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
};

type ListItemControlsProps = {
  /** e.g. "LoRA 2": names the buttons for screen readers. */
  itemName: string;
  index: number;
  count: number;
  onMove?: (from: number, to: number) => void;
  onRemove: (index: number) => void;
};

export function ListItemControls({ itemName, index, count, onMove, onRemove }: ListItemControlsProps) {
  return (
    <div className="flex gap-1">
      {onMove && (
        <>
          <Button
            size="sm"
            aria-label={`Move ${itemName} up`}
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
          >
            ↑
          </Button>
          <Button
            size="sm"
            aria-label={`Move ${itemName} down`}
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          >
            ↓
          </Button>
        </>
      )}
      <Button size="sm" aria-label={`Remove ${itemName}`} onClick={() => onRemove(index)}>
        Remove
      </Button>
    </div>
  );
}

export function ListItem({
  title,
  controls,
  children,
}: {
  title: string;
  controls: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-2">
        <legend className="text-sm font-semibold">{title}</legend>
        {controls}
      </div>
      {children}
    </fieldset>
  );
}
