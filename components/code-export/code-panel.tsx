"use client";

import { useState } from "react";
import { useWatch } from "react-hook-form";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import type { FormValues } from "@/lib/form/form-values";
import { CODE_LANGUAGES, type CodeLanguage, codeLanguageLabels, toCode } from "@/lib/code-export/snippets";
import { readFormSettings } from "@/lib/form/form-settings";
import { CopyButton } from "@/components/share/copy-button";
import { Button } from "@/components/ui/button";

/** The current request as code for fal's JavaScript and Python clients and for cURL. */
export function CodePanel({ form }: { form: PlaygroundFormApi }) {
  const [language, setLanguage] = useState<CodeLanguage>("javascript");
  const watched = useWatch({ control: form.control });
  const { body, problems } = readFormSettings(watched as FormValues);
  const code = toCode(language, body);
  const label = codeLanguageLabels[language];

  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label="Code language" className="flex flex-wrap gap-1">
        {CODE_LANGUAGES.map((option) => (
          <Button key={option} aria-pressed={option === language} onClick={() => setLanguage(option)} variant="segment">
            {codeLanguageLabels[option]}
          </Button>
        ))}
      </div>
      {problems.length > 0 && (
        <p role="alert" className="text-xs text-amber-700 dark:text-amber-400">
          Not in the code because they are not valid yet: {problems.map((problem) => problem.field).join(", ")}.
        </p>
      )}
      <pre
        aria-label={`${label} code`}
        tabIndex={0}
        className="max-h-96 overflow-auto rounded-lg bg-zinc-950 p-3 text-xs leading-relaxed text-zinc-100"
      >
        <code>{code}</code>
      </pre>
      <p className="text-xs text-zinc-500">
        Exactly the body the playground sends
        {body.seed === undefined &&
          ", but for the seed: with Random seed on, Run draws a seed and sends it (without one, fal picks its own)"}
        . Set <code className="font-mono">FAL_KEY</code> in your environment first.
      </p>
      <CopyButton text={code} label={`Copy ${label} code`} />
    </div>
  );
}
