"use client";

import { type ComponentType, type ReactNode, useEffect, useState, useSyncExternalStore } from "react";

/** A component whose code is a module of its own, loaded when first rendered (or `preload`ed) in the browser. */
export type LazyComponent<P> = ComponentType<P> & {
  /** Starts loading (once; again after a failure); resolves when the component can render. */
  preload: () => Promise<void>;
};

type LazyOptions = {
  /** Shown on the server, while hydrating and until the code is in. */
  loading?: ReactNode;
  /** Shown when the code could not be loaded; the next render of a fresh instance tries again. */
  failed?: ReactNode;
};

const FAILED = (
  <p role="status" className="text-sm text-zinc-500">
    This part of the page could not be loaded; check the connection and reload the page.
  </p>
);

/**
 * A component kept out of the page's first load and never rendered on the server: what next/dynamic's
 * `ssr: false` does, without next/dynamic's loader in the first load (docs/architecture.md, "What
 * loads when"). Once loaded it renders at once, with no Suspense round, so what it shows lands in the
 * same commit as the state that asked for it.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { loading = null, failed = FAILED }: LazyOptions = {},
): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const preload = () =>
    (pending ??= load().then(
      (component) => {
        loaded = component;
        listeners.forEach((listener) => listener());
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));

  function Lazy(props: P) {
    const Loaded = useSyncExternalStore(
      subscribe,
      () => loaded,
      () => undefined,
    );
    const [failedToLoad, setFailedToLoad] = useState(false);
    useEffect(() => {
      if (!loaded) preload().catch(() => setFailedToLoad(true));
    }, []);
    if (Loaded) return <Loaded {...props} />;
    return failedToLoad ? failed : loading;
  }
  return Object.assign(Lazy, { preload });
}
