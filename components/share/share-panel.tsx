"use client";

import { useCallback, useEffect, useState } from "react";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import { linkLengthNotes, type ShareLink } from "@/lib/share/share-link";
import type { SettingsProblem } from "@/lib/share/settings-reader";
import { readFormSettings } from "@/lib/form/form-settings";
import { messageOf } from "@/lib/errors/message-of";
import { CopyButton } from "./copy-button";
import { settingsLink } from "./make-link";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

type Link = ShareLink & { leftOut: SettingsProblem[] };

async function buildLink(form: PlaygroundFormApi): Promise<Link> {
  const { values, problems } = readFormSettings(form.getValues());
  return { ...(await settingsLink(values)), leftOut: problems };
}

/** Makes a link to the current settings, uploading inline images first so the link carries URLs only. */
export function SharePanel({ form }: { form: PlaygroundFormApi }) {
  const [link, setLink] = useState<Link>();
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string>();

  const makeLink = useCallback(
    () =>
      buildLink(form)
        .then(setLink, (cause: unknown) => {
          setLink(undefined);
          setError(`The link could not be made: ${messageOf(cause)}`);
        })
        .finally(() => setBusy(false)),
    [form],
  );

  useEffect(() => {
    void makeLink();
  }, [makeLink]);

  const length = link?.url.length ?? 0;
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="share-link" className="text-sm font-medium">
        Share link
      </label>
      <input
        id="share-link"
        readOnly
        value={busy ? "" : (link?.url ?? "")}
        placeholder={busy ? "Uploading images and making the link…" : ""}
        className={inputClass}
        aria-describedby="share-link-length"
        onFocus={(event) => event.currentTarget.select()}
      />
      <p id="share-link-length" className="text-xs text-zinc-500">
        {link && !busy ? `${length.toLocaleString("en")} characters. ` : ""}
        Whoever opens it gets these settings in their form; chat apps show a card of them.
      </p>
      {link &&
        !busy &&
        linkLengthNotes(link).map((note) => (
          <p key={note} role="alert" className="text-xs text-amber-700 dark:text-amber-400">
            {note}
          </p>
        ))}
      {link && !busy && link.leftOut.length > 0 && (
        <p role="alert" className="text-xs text-amber-700 dark:text-amber-400">
          Left out because they are not valid: {link.leftOut.map((problem) => problem.field).join(", ")}.
        </p>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {link && !busy && <CopyButton text={link.url} label="Copy link" />}
        <Button
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setError(undefined);
            void makeLink();
          }}
        >
          Update link
        </Button>
      </div>
    </div>
  );
}
