"use client";

import { type ReactNode, useLayoutEffect, useRef, useState } from "react";

type WindowedListProps<T> = {
  label: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** A row's height until one is measured; every row must be as tall as the others. */
  estimatedRowHeight: number;
  /** Space between rows, in px. */
  gap?: number;
  className?: string;
};

/** Rows rendered beyond each edge of the viewport, so scrolling and Tab find them already there. */
const OVERSCAN = 6;
const FIRST_RENDER = 16;

type Range = { start: number; end: number };

/** The rows of `count`, `pitch` px apart from the list's top, that lie in the viewport (plus overscan). */
function rangeInView(list: HTMLElement, count: number, pitch: number): Range {
  const top = list.getBoundingClientRect().top;
  const start = Math.max(0, Math.floor(-top / pitch) - OVERSCAN);
  const end = Math.min(count, Math.max(start, Math.ceil((window.innerHeight - top) / pitch) + OVERSCAN));
  return { start, end };
}

/**
 * A list of equally tall rows that renders only the rows in view and a few either side, so a
 * list of hundreds costs what a short one does. It follows every scroll container (their scroll
 * events are caught on the way down) and the window's size; the row holding focus stays rendered,
 * so keyboard users keep their place, and each row says its position in the whole list.
 */
export function WindowedList<T>({
  label,
  items,
  itemKey,
  renderItem,
  estimatedRowHeight,
  gap = 4,
  className = "",
}: WindowedListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const [rowHeight, setRowHeight] = useState(estimatedRowHeight);
  const [range, setRange] = useState<Range>({ start: 0, end: FIRST_RENDER });
  const [focusedKey, setFocusedKey] = useState<string>();
  const count = items.length;
  const pitch = rowHeight + gap;

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const update = () => {
      const row = list.firstElementChild;
      if (row instanceof HTMLElement && row.offsetHeight > 0) setRowHeight(row.offsetHeight);
      const next = rangeInView(list, count, pitch);
      setRange((current) => (current.start === next.start && current.end === next.end ? current : next));
    };
    update();
    const resized = new ResizeObserver(update);
    resized.observe(list);
    window.addEventListener("scroll", update, { capture: true, passive: true });
    window.addEventListener("resize", update);
    return () => {
      resized.disconnect();
      window.removeEventListener("scroll", update, { capture: true });
      window.removeEventListener("resize", update);
    };
  }, [count, pitch]);

  const shown: number[] = [];
  for (let index = range.start; index < Math.min(range.end, count); index++) shown.push(index);
  const focusedIndex = focusedKey === undefined ? -1 : items.findIndex((item) => itemKey(item) === focusedKey);
  if (focusedIndex >= 0 && !shown.includes(focusedIndex)) shown.push(focusedIndex);
  shown.sort((a, b) => a - b);

  return (
    <ul
      ref={listRef}
      aria-label={label}
      className={`relative ${className}`}
      style={{ height: count > 0 ? count * pitch - gap : 0 }}
      onFocus={(event) =>
        setFocusedKey((event.target as Element).closest("[data-key]")?.getAttribute("data-key") ?? undefined)
      }
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedKey(undefined);
      }}
    >
      {shown.map((index) => {
        const item = items[index];
        if (item === undefined) return null;
        const key = itemKey(item);
        return (
          <li
            key={key}
            data-key={key}
            aria-setsize={count}
            aria-posinset={index + 1}
            className="absolute inset-x-0"
            style={{ top: index * pitch }}
          >
            {renderItem(item)}
          </li>
        );
      })}
    </ul>
  );
}
