"use client";

import { lazyComponent } from "@/components/ui/lazy-component";
import { memo, useState } from "react";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import { GenerationDataPaste } from "@/components/generation-data/generation-data-paste";
import { PngRestore } from "@/components/png-restore/png-restore";
import type { RestoreOutcome } from "./settings-notice";
import { panelClass } from "@/components/ui/panel";
import { Button } from "@/components/ui/button";
import type { OpenedLink } from "./use-link-settings";

// Each panel loads when first opened: none is needed for the first paint or the first Run.
const loading = <p className="text-sm text-zinc-500">Loading…</p>;
const SharePanel = lazyComponent(() => import("./share-panel").then((module) => module.SharePanel), { loading });
const PresetsPanel = lazyComponent(
  () => import("@/components/presets/presets-panel").then((module) => module.PresetsPanel),
  {
    loading,
  },
);
const CodePanel = lazyComponent(
  () => import("@/components/code-export/code-panel").then((module) => module.CodePanel),
  {
    loading,
  },
);

// What a link or an image restored, and what it could not: shown only after one was opened.
const SettingsNotice = lazyComponent(() => import("./settings-notice").then((module) => module.SettingsNotice));

const tools = [
  { id: "share", label: "Share link" },
  { id: "presets", label: "Presets" },
  { id: "code", label: "Code" },
] as const;
type Tool = (typeof tools)[number]["id"];

type ShareToolsProps = { form: PlaygroundFormApi; link: OpenedLink };

/**
 * Share links, presets, code export and PNG settings: everything that moves settings in and out,
 * with what the link the page opened with restored (memoized like the form).
 */
export const ShareTools = memo(function ShareTools({ form, link }: ShareToolsProps) {
  const [open, setOpen] = useState<Tool>();
  const [fromImage, setFromImage] = useState<RestoreOutcome>();

  return (
    <div className="flex flex-col gap-3">
      {link.outcome && <SettingsNotice source="link" outcome={link.outcome} onDismiss={link.dismiss} />}
      {fromImage && <SettingsNotice source="image" outcome={fromImage} onDismiss={() => setFromImage(undefined)} />}
      <div className="flex flex-col gap-2">
        <div role="toolbar" aria-label="Share and reuse" className="flex flex-wrap gap-2">
          {tools.map((tool) => (
            <Button
              key={tool.id}
              aria-expanded={open === tool.id}
              aria-controls={`${tool.id}-panel`}
              onClick={() => setOpen(open === tool.id ? undefined : tool.id)}
              className="font-medium"
            >
              {tool.label}
            </Button>
          ))}
        </div>
        <p className="text-xs text-zinc-500">
          PNG downloads carry their settings: drop or paste one anywhere here to restore them. JPEG downloads do not.
          Generation data from AUTOMATIC1111, Forge, Fooocus or Civitai (pasted text, or their PNGs) fills the form too.
        </p>
      </div>
      {open && (
        <section id={`${open}-panel`} aria-label={tools.find((tool) => tool.id === open)?.label} className={panelClass}>
          {open === "share" && <SharePanel form={form} />}
          {open === "presets" && <PresetsPanel form={form} />}
          {open === "code" && <CodePanel form={form} />}
        </section>
      )}
      <PngRestore form={form} onRestored={setFromImage} />
      <GenerationDataPaste form={form} />
    </div>
  );
});
