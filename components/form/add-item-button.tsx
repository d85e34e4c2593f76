import { Button } from "@/components/ui/button";
import type { ListLimit } from "@/lib/fal/limits";

type AddItemButtonProps = { label: string; count: number; limit: ListLimit; onAdd: () => void; id: string };

/** Adds a list item; once the list holds as many as one run takes, it is disabled and says the bound. */
export function AddItemButton({ label, count, limit, onAdd, id }: AddItemButtonProps) {
  const full = count >= limit.max;
  const noteId = `${id}-full`;
  return (
    <>
      <Button
        size="sm"
        className="self-start"
        disabled={full}
        aria-describedby={full ? noteId : undefined}
        onClick={onAdd}
      >
        {label}
      </Button>
      {full && (
        <p id={noteId} role="note" className="text-xs text-zinc-600 dark:text-zinc-400">
          {limit.message}
        </p>
      )}
    </>
  );
}
