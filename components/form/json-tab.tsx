"use client";

import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { type FormValues, toRequestBody } from "@/lib/form/form-values";
import { formatRequestJson, parseRequestJson, toFormValues } from "@/lib/form/request-json";
import { inputClass } from "@/components/ui/field";
import { parseExactJson, stringifyExactJson } from "@/lib/fal/exact-json";

function sameJson(a: string, b: string): boolean {
  try {
    return stringifyExactJson(parseExactJson(a)) === stringifyExactJson(parseExactJson(b));
  } catch {
    return false;
  }
}

/**
 * The exact request body, editable. A valid edit fills the form at once; an invalid one is kept
 * here with its problems listed, and the form keeps its last valid values.
 */
export function JsonTab({ onValidityChange }: { onValidityChange: (valid: boolean) => void }) {
  const { reset } = useFormContext<FormValues>();
  const values = useWatch<FormValues>() as FormValues;
  const bodyText = formatRequestJson(toRequestBody(values));
  const [draft, setDraft] = useState<string>();

  const parsed = draft === undefined ? undefined : parseRequestJson(draft);
  const problems = parsed && !parsed.ok ? parsed.problems : [];
  const notes = parsed?.ok ? parsed.notes : [];
  // The user's own text stays while it is invalid or says the same as the form; else the form wins.
  const text = draft !== undefined && (problems.length > 0 || sameJson(draft, bodyText)) ? draft : bodyText;

  function onEdit(next: string) {
    setDraft(next);
    const result = parseRequestJson(next);
    onValidityChange(result.ok);
    if (result.ok) reset(toFormValues(result.body), { keepDefaultValues: true });
  }

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="request-json" className="text-sm font-medium">
        Request body (JSON)
      </label>
      <textarea
        id="request-json"
        spellCheck={false}
        rows={24}
        value={text}
        onChange={(event) => onEdit(event.target.value)}
        className={`${inputClass} font-mono text-xs`}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={problems.length > 0 ? "request-json-hint request-json-error" : "request-json-hint"}
      />
      <p id="request-json-hint" className="text-xs text-zinc-500">
        Exactly what Run sends: fields left at their defaults are omitted. Edits here update the form; Run waits until
        they are valid.
      </p>
      {notes.length > 0 && (
        <ul role="status" className="list-disc pl-5 text-xs text-amber-700 dark:text-amber-300">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <ul id="request-json-error" role="alert" className="list-disc pl-5 text-xs text-red-600 dark:text-red-400">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
