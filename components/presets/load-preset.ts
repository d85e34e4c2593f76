import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import { falClient } from "@/lib/fal/browser-client";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { uploadBundledImages } from "@/lib/presets/bundled-images";
import { problemsText, readSettings } from "@/lib/share/settings-reader";
import { applySettings } from "@/lib/form/form-settings";
import { messageOf } from "@/lib/errors/message-of";

export type PresetMessage = { kind: "ok" | "error"; text: string };

/** Fills the form with a preset, uploading its bundled images first; says what was (not) loaded. */
export async function loadPreset(form: PlaygroundFormApi, name: string, request: LoraRequest): Promise<PresetMessage> {
  try {
    const { values, problems, unreadable } = readSettings(request);
    if (unreadable) return { kind: "error", text: `"${name}" could not be loaded: ${problemsText(problems)}` };
    const ready = await uploadBundledImages(values, window.location.origin, (file) => falClient.storage.upload(file));
    applySettings(form, ready);
    const skipped = problemsText(problems);
    return {
      kind: problems.length ? "error" : "ok",
      text: `Loaded "${name}".${skipped ? ` Not loaded: ${skipped}` : ""}`,
    };
  } catch (cause) {
    return {
      kind: "error",
      text: `"${name}" could not be loaded: ${messageOf(cause)}`,
    };
  }
}
