"use client";

import { type PointerEvent, useLayoutEffect, useRef, useState } from "react";
import type { ImageSize } from "@/lib/image-tools/image-size";
import {
  applyOp,
  type DirtyRect,
  type Mask,
  type MaskHistory,
  type MaskOp,
  overlayRgba,
  paintedShare,
  type Point,
  replay,
} from "@/lib/image-tools/mask";

type MaskCanvasProps = {
  size: ImageSize;
  imageUrl: string;
  imageAlt: string;
  /** The mask the painter starts from (an existing one), or none. */
  start: Uint8Array | undefined;
  history: MaskHistory;
  onStroke: (op: MaskOp) => void;
  brushRadius: number;
  erase: boolean;
  /** Show the mask as it is exported (white on black) instead of over the image. */
  maskOnly: boolean;
  /** Called with the share of the mask painted (0–1) after each change. */
  onPainted: (share: number) => void;
};

const PAINT_COLOUR = [236, 72, 153, 150] as const;
const EXPORT_WHITE = [255, 255, 255, 255] as const;

/**
 * The image with the mask over it, painted with a mouse, pen or finger. Strokes are drawn into
 * the mask as they happen; undo and redo replay the history over the starting mask.
 */
export function MaskCanvas({
  size,
  imageUrl,
  imageAlt,
  start,
  history,
  onStroke,
  brushRadius,
  erase,
  maskOnly,
  onPainted,
}: MaskCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const maskRef = useRef<{ mask: Mask; done: readonly MaskOp[] }>(undefined);
  const strokeRef = useRef<{ op: Extract<MaskOp, { kind: "stroke" }>; pointerId: number }>(undefined);
  const [cursor, setCursor] = useState<{ x: number; y: number; diameter: number }>();

  const draw = (rect: DirtyRect | undefined) => {
    const canvas = canvasRef.current;
    const current = maskRef.current;
    if (!canvas || !current || !rect) return;
    const pixels = overlayRgba(current.mask, rect, maskOnly ? EXPORT_WHITE : PAINT_COLOUR);
    canvas.getContext("2d")?.putImageData(new ImageData(pixels, rect.width, rect.height), rect.x, rect.y);
  };

  // After a stroke the mask already holds it; anything else (undo, redo, a new start) is replayed.
  useLayoutEffect(() => {
    const current = maskRef.current;
    const done = history.done;
    const justPainted =
      current !== undefined &&
      done.length === current.done.length + 1 &&
      current.done.every((op, index) => done[index] === op) &&
      done.at(-1) === strokeRef.current?.op;
    if (!justPainted) maskRef.current = { mask: replay(size, done, start), done };
    else maskRef.current = { mask: current.mask, done };
    strokeRef.current = undefined;
    draw({ x: 0, y: 0, ...size });
    onPainted(paintedShare(maskRef.current.mask));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- draw reads refs and maskOnly, listed here
  }, [history, size, start, maskOnly]);

  const toMask = (event: PointerEvent<HTMLCanvasElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * size.width) / box.width,
      y: ((event.clientY - box.top) * size.height) / box.height,
    };
  };

  const showCursor = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.pointerType !== "mouse") return setCursor(undefined);
    const box = event.currentTarget.getBoundingClientRect();
    setCursor({
      x: event.clientX - box.left,
      y: event.clientY - box.top,
      diameter: (brushRadius * 2 * box.width) / size.width,
    });
  };

  const extend = (event: PointerEvent<HTMLCanvasElement>) => {
    const stroke = strokeRef.current;
    const current = maskRef.current;
    if (!stroke || !current || stroke.pointerId !== event.pointerId) return;
    const coalesced = event.nativeEvent.getCoalescedEvents?.() ?? [];
    const events = coalesced.length > 0 ? coalesced : [event.nativeEvent];
    const box = event.currentTarget.getBoundingClientRect();
    for (const moved of events) {
      const point = {
        x: ((moved.clientX - box.left) * size.width) / box.width,
        y: ((moved.clientY - box.top) * size.height) / box.height,
      };
      const previous = stroke.op.points.at(-1) ?? point;
      stroke.op.points.push(point);
      draw(applyOp(current.mask, { ...stroke.op, points: [previous, point] }));
    }
  };

  return (
    <div
      className={`relative mx-auto w-full overflow-hidden rounded ${maskOnly ? "bg-black" : ""}`}
      style={{ aspectRatio: `${size.width} / ${size.height}`, maxWidth: `calc(55dvh * ${size.width / size.height})` }}
    >
      {!maskOnly && (
        // eslint-disable-next-line @next/next/no-img-element -- the slot's image, from any host
        <img
          src={imageUrl}
          alt={imageAlt}
          draggable={false}
          className="absolute inset-0 h-full w-full select-none object-fill"
        />
      )}
      <canvas
        ref={canvasRef}
        width={size.width}
        height={size.height}
        aria-label={`Mask, ${size.width} × ${size.height}: drag to ${erase ? "erase" : "paint"}`}
        className={`absolute inset-0 h-full w-full touch-none ${cursor ? "cursor-none" : "cursor-crosshair"}`}
        onPointerDown={(event) => {
          if (!event.isPrimary || event.button > 0 || strokeRef.current) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          const point = toMask(event);
          const op = { kind: "stroke" as const, erase, radius: brushRadius, points: [point] };
          strokeRef.current = { op, pointerId: event.pointerId };
          if (maskRef.current) draw(applyOp(maskRef.current.mask, op));
        }}
        onPointerMove={(event) => {
          showCursor(event);
          extend(event);
        }}
        onPointerUp={(event) => {
          const stroke = strokeRef.current;
          if (stroke?.pointerId === event.pointerId) onStroke(stroke.op);
        }}
        onPointerCancel={(event) => {
          const stroke = strokeRef.current;
          if (stroke?.pointerId === event.pointerId) onStroke(stroke.op);
        }}
        onPointerLeave={() => setCursor(undefined)}
      />
      {cursor && (
        <div
          aria-hidden
          className="pointer-events-none absolute rounded-full border border-white shadow-[0_0_0_1px_rgba(0,0,0,0.7)]"
          style={{
            left: cursor.x - cursor.diameter / 2,
            top: cursor.y - cursor.diameter / 2,
            width: cursor.diameter,
            height: cursor.diameter,
          }}
        />
      )}
    </div>
  );
}
