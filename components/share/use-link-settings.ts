"use client";

import { useEffect, useState } from "react";
import type { PlaygroundFormApi } from "@/components/form/use-playground-form";
import type { RestoreOutcome } from "./settings-notice";

/** Fills the form from a share link's hash when the page opens (and when the hash changes). */
export function useLinkSettings(form: PlaygroundFormApi) {
  const [outcome, setOutcome] = useState<RestoreOutcome>();
  useEffect(() => {
    let active = true;
    const restore = async () => {
      // The link reader (with its decompressor) loads only for a page opened with a hash.
      if (!window.location.hash) return;
      const [{ readSettingsHash }, { applySettings }] = await Promise.all([
        import("@/lib/share/share-link"),
        import("@/lib/form/form-settings"),
      ]);
      const reading = readSettingsHash(window.location.hash);
      if (!reading || !active) return;
      applySettings(form, reading.values);
      setOutcome({ problems: reading.problems, unreadable: reading.unreadable });
    };
    void restore();
    const onHashChange = () => void restore();
    window.addEventListener("hashchange", onHashChange);
    return () => {
      active = false;
      window.removeEventListener("hashchange", onHashChange);
    };
  }, [form]);
  return { outcome, dismiss: () => setOutcome(undefined) };
}
