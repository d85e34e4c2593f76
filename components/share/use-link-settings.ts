"use client";

import { useEffect, useState } from "react";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import { readSettingsHash } from "@/lib/share/share-link";
import { applySettings } from "./form-settings";
import type { RestoreOutcome } from "./settings-notice";

/** Fills the form from a share link's hash when the page opens (and when the hash changes). */
export function useLinkSettings(form: PlaygroundFormApi) {
  const [outcome, setOutcome] = useState<RestoreOutcome>();
  useEffect(() => {
    const restore = () => {
      const reading = readSettingsHash(window.location.hash);
      if (!reading) return;
      applySettings(form, reading.values);
      setOutcome({ problems: reading.problems, unreadable: reading.unreadable });
    };
    restore();
    window.addEventListener("hashchange", restore);
    return () => window.removeEventListener("hashchange", restore);
  }, [form]);
  return { outcome, dismiss: () => setOutcome(undefined) };
}
