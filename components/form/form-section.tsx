"use client";

import { type ReactNode, useState } from "react";
import { get, useFormState } from "react-hook-form";
import type { FormValues } from "@/lib/form/form-values";

type FormSectionProps = {
  title: string;
  summary?: string;
  /** The form fields inside, so the group renders them as soon as one holds an error. */
  fields: readonly (keyof FormValues)[];
  children: ReactNode;
};

/**
 * An advanced group of the form, collapsed until opened (the form opens it to show an error).
 * Its fields render only once it is first opened or one of them holds an error, so a page load
 * does not hydrate what it does not show; react-hook-form keeps their values meanwhile.
 */
export function FormSection({ title, summary, fields, children }: FormSectionProps) {
  const [rendered, setRendered] = useState(false);
  const { errors } = useFormState<FormValues>({ name: fields as (keyof FormValues)[] });
  // Set while rendering, so an error's field is in the page in the same commit as the error.
  if (!rendered && fields.some((name) => get(errors, name) !== undefined)) setRendered(true);
  return (
    <details
      className="group rounded-lg border border-zinc-200 dark:border-zinc-800"
      onToggle={(event) => {
        if (event.currentTarget.open) setRendered(true);
      }}
    >
      <summary className="flex cursor-pointer items-baseline justify-between gap-2 rounded-lg px-3 py-2 text-sm font-semibold hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-500 dark:hover:bg-zinc-800/50">
        <span>{title}</span>
        {summary && <span className="truncate text-xs font-normal text-zinc-500">{summary}</span>}
      </summary>
      <div className="flex flex-col gap-3 border-t border-zinc-200 p-3 dark:border-zinc-800">
        {rendered && children}
      </div>
    </details>
  );
}
