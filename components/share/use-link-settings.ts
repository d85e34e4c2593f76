"use client";

import { useEffect, useState } from "react";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import { readSettingsHash } from "@/lib/share/share-link";
import type { SettingsProblem } from "@/lib/share/settings-reader";
import { applySettings } from "./form-settings";

/** Fills the form from a share link's hash when the page opens (and when the hash changes). */
export function useLinkSettings(form: PlaygroundFormApi) {
  const [problems, setProblems] = useState<SettingsProblem[]>();
  useEffect(() => {
    const restore = () => {
      const reading = readSettingsHash(window.location.hash);
      if (!reading) return;
      applySettings(form, reading.values);
      setProblems(reading.problems);
    };
    restore();
    window.addEventListener("hashchange", restore);
    return () => window.removeEventListener("hashchange", restore);
  }, [form]);
  return { problems, dismiss: () => setProblems(undefined) };
}
