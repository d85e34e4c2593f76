"use client";

import { type ComponentType, useEffect, useState, useSyncExternalStore } from "react";

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
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const listeners = new Set<() => void>();
  const body: Body = {
    preload: () =>
      (loading ??= load().then(
        (component) => {
          loaded = component;
          listeners.forEach((listener) => listener());
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
  };
  bodies.add(body);
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  return function SectionBody(props: P) {
    const Loaded = useSyncExternalStore(
      subscribe,
      () => loaded,
      () => undefined,
    );
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (!loaded) body.preload().catch(() => setFailed(true));
    }, []);
    if (Loaded) return <Loaded {...props} />;
    return (
      <p role="status" className="text-sm text-zinc-500">
        {failed ? "This group could not be loaded; check the connection and reload the page." : "Loading…"}
      </p>
    );
  };
}
