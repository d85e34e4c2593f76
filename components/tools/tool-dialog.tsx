"use client";

import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from "react";
import { createPortal } from "react-dom";
import { Button } from "@/components/ui/button";

type ToolDialogProps = {
  title: string;
  onClose: () => void;
  /** Keys the tool handles itself (undo, brush size …); called before the dialog's own. */
  onKeyDown?: (event: KeyboardEvent<HTMLDialogElement>) => void;
  children: ReactNode;
  footer: ReactNode;
};

/**
 * A modal tool over the page. It lives outside the settings form (a portal), so its controls are
 * not form fields and Enter in it never runs; `data-drop-zone` keeps the page's paste handler out.
 */
export function ToolDialog({ title, onClose, onKeyDown, children, footer }: ToolDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return createPortal(
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      data-drop-zone
      onClose={onClose}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        // Keys stay in the tool: the page's Ctrl+Enter (run) and Esc (cancel a run) are not for it.
        event.stopPropagation();
      }}
      className="m-auto max-h-[calc(100dvh-1rem)] w-[min(56rem,calc(100vw-1rem))] overflow-y-auto rounded-xl bg-white p-3 text-zinc-900 backdrop:bg-black/70 sm:p-4 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex flex-col gap-3">
        <header className="flex items-center justify-between gap-2">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <Button onClick={onClose}>Close</Button>
        </header>
        {children}
        <footer className="flex flex-wrap items-center justify-end gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
          {footer}
        </footer>
      </div>
    </dialog>,
    document.body,
  );
}

type ToolFooterProps = {
  /** Upload progress of the tool's result (0–1) while it is being saved. */
  progress: number | undefined;
  error: string | undefined;
  onCancel: () => void;
  /** What applying does, in the user's words: "Use this mask". */
  applyLabel: string;
  canApply: boolean;
  onApply: () => void;
};

/** Upload progress (announced politely, a failure as an alert), Cancel, and the tool's one action. */
export function ToolFooter({ progress, error, onCancel, applyLabel, canApply, onApply }: ToolFooterProps) {
  const busy = progress !== undefined;
  return (
    <>
      {error ? (
        <p role="alert" className="mr-auto text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : (
        <p role="status" aria-live="polite" className="mr-auto min-h-5 text-sm text-zinc-600 dark:text-zinc-400">
          {busy ? `Uploading ${Math.round(progress * 100)}%…` : ""}
        </p>
      )}
      <Button onClick={onCancel}>Cancel</Button>
      <Button variant="primary" disabled={!canApply || busy} onClick={onApply}>
        {busy ? "Saving…" : applyLabel}
      </Button>
    </>
  );
}
