"use client";

import { Button, buttonClassName } from "@/components/ui/button";

/** The last line of defence: a page error shows what happened and a way back, never a blank page. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-3 p-6">
      <h1 className="text-xl font-semibold">Something went wrong on this page</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {error.message || "An unexpected error stopped the page."} Your runs are kept in this browser&apos;s history, so
        nothing is lost.
      </p>
      <div className="flex gap-2">
        <Button variant="primary" size="lg" onClick={reset}>
          Try again
        </Button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full reload, without the state that failed */}
        <a href="/" className={buttonClassName({ size: "lg" })}>
          Open a fresh page
        </a>
      </div>
    </main>
  );
}
