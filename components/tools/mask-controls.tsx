"use client";

import { useId } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import { type MaskHistory, record, redo, undo } from "@/lib/image-tools/mask";

type MaskControlsProps = {
  brushSize: number;
  maxBrush: number;
  onBrushSize: (size: number) => void;
  erase: boolean;
  onErase: (erase: boolean) => void;
  maskOnly: boolean;
  onMaskOnly: (maskOnly: boolean) => void;
  history: MaskHistory;
  onHistory: (history: MaskHistory) => void;
  paintedPercent: number;
};

const segmentClass = buttonClassName({ variant: "segment", wrapsInput: true });

/** The painter's tools: brush or eraser, brush size, undo, redo, invert, clear, and the view. */
export function MaskControls(props: MaskControlsProps) {
  const { brushSize, maxBrush, onBrushSize, erase, onErase, maskOnly, onMaskOnly, history, onHistory, paintedPercent } =
    props;
  const sizeId = useId();
  return (
    <div className="flex flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <fieldset className="flex gap-1">
          <legend className="sr-only">Tool</legend>
          <label className={segmentClass}>
            <input type="radio" name="mask-tool" className="sr-only" checked={!erase} onChange={() => onErase(false)} />
            Brush
          </label>
          <label className={segmentClass}>
            <input type="radio" name="mask-tool" className="sr-only" checked={erase} onChange={() => onErase(true)} />
            Eraser
          </label>
        </fieldset>
        <span className="flex items-center gap-2">
          <label htmlFor={sizeId} className="ml-1">
            Brush size
          </label>
          <input
            id={sizeId}
            type="range"
            min={1}
            max={maxBrush}
            step={1}
            value={brushSize}
            onChange={(event) => onBrushSize(Number(event.target.value))}
            className="w-32"
          />
          <span className="w-14 tabular-nums text-zinc-600 dark:text-zinc-400">{brushSize} px</span>
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button disabled={history.done.length === 0} onClick={() => onHistory(undo(history))}>
          Undo
        </Button>
        <Button disabled={history.undone.length === 0} onClick={() => onHistory(redo(history))}>
          Redo
        </Button>
        <Button onClick={() => onHistory(record(history, { kind: "invert" }))}>Invert</Button>
        <Button onClick={() => onHistory(record(history, { kind: "clear" }))}>Clear</Button>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={maskOnly}
            onChange={(event) => onMaskOnly(event.target.checked)}
            className=""
          />
          Show the mask in black and white
        </label>
        <span role="status" className="ml-auto tabular-nums text-zinc-600 dark:text-zinc-400">
          {paintedPercent}% painted
        </span>
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Keys: B brush, E eraser, [ and ] brush size, Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo.
      </p>
    </div>
  );
}
