"use client";

import type { ComponentType } from "react";
import { lazyComponent } from "@/components/ui/lazy-component";

type Body = { preload: () => Promise<void> };

const bodies = new Set<Body>();

/**
 * Starts loading every collapsed group's contents (at the visitor's first interaction); resolves
 * once all are loaded and shown, so the form can then move focus into one of them.
 */
export function preloadSectionBodies(): Promise<void> {
  return Promise.all([...bodies].map((body) => body.preload())).then(() => undefined);
}

/**
 * The contents of a collapsed group as a module of their own, not part of the page's first load.
 * Once loaded they render at once (no Suspense round), so a field with an error is in the page in
 * the same commit as its error; until then, and after a failed load, the group says so.
 */
export function sectionBody<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const body = lazyComponent(load, {
    loading: (
      <p role="status" className="text-sm text-zinc-500">
        Loading…
      </p>
    ),
    failed: (
      <p role="status" className="text-sm text-zinc-500">
        This group could not be loaded; check the connection and reload the page.
      </p>
    ),
  });
  bodies.add(body);
  return body;
}
