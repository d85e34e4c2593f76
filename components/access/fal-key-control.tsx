"use client";

import { useState, useSyncExternalStore } from "react";
import { usePublicConfig } from "@/components/public-config/use-public-config";
import { Button } from "@/components/ui/button";
import { isPlausibleFalKey } from "@/lib/access/visitor-key";
import { readVisitorKey, saveVisitorKey, subscribeVisitorKey } from "@/lib/access/visitor-key-store";

const WITH_SERVER_KEY = "Runs are billed to this playground's key. You can use your own fal key instead.";
const WITHOUT_SERVER_KEY = "This playground has no fal key of its own: enter yours to run on fal.ai.";

/**
 * "Bring your own fal key": kept in this tab's sessionStorage and sent only to this app's proxy.
 * Only fal mode shows it. In the prerendered page, which cannot know the mode, `serverHasKey` is
 * undefined: it is drawn for both kinds of server and the CSS shows the one the pre-paint script
 * found (the config-* variants), so it is in place at the first paint.
 */
export function FalKeyControl({ serverHasKey }: { serverHasKey: boolean | undefined }) {
  const [draft, setDraft] = useState("");
  const saved = useSyncExternalStore(
    subscribeVisitorKey,
    () => Boolean(readVisitorKey()),
    () => false,
  );
  const [error, setError] = useState<string>();

  function save() {
    const key = draft.trim();
    if (!isPlausibleFalKey(key)) {
      setError("A fal key reads like key-id:secret. Copy it from fal.ai → Dashboard → Keys.");
      return;
    }
    saveVisitorKey(key);
    setDraft("");
    setError(undefined);
  }

  function forget() {
    saveVisitorKey(undefined);
  }

  return (
    <section
      aria-label="fal key settings"
      className={serverHasKey === undefined ? "hidden config-fal:block" : undefined}
    >
      <div className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-950">
        <p className="text-zinc-600 dark:text-zinc-400">
          {saved ? (
            "Runs use your own fal key (kept in this tab only, sent only to this app's server)."
          ) : serverHasKey === undefined ? (
            <>
              <span className="hidden config-server-key:inline">{WITH_SERVER_KEY}</span>
              <span className="config-server-key:hidden">{WITHOUT_SERVER_KEY}</span>
            </>
          ) : serverHasKey ? (
            WITH_SERVER_KEY
          ) : (
            WITHOUT_SERVER_KEY
          )}
        </p>
        {saved ? (
          <Button onClick={forget} className="self-start">
            Forget my fal key
          </Button>
        ) : (
          <div className="flex flex-wrap items-end gap-2">
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <label htmlFor="visitor-fal-key" className="font-medium">
                Your fal key
              </label>
              <input
                id="visitor-fal-key"
                type="password"
                autoComplete="off"
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "visitor-fal-key-error" : undefined}
                className="rounded-md border border-zinc-300 px-3 py-1.5 font-mono dark:border-zinc-700 dark:bg-zinc-950"
              />
            </div>
            <Button onClick={save} variant="primary">
              Use my key
            </Button>
          </div>
        )}
        {error && (
          <p id="visitor-fal-key-error" role="alert" className="text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}

/**
 * Where the key box goes: every mode but the simulator's. Until the page knows the mode it is drawn
 * for the CSS to show or hide; it reads the configuration itself, so its arrival re-renders only this.
 */
export function FalKeySlot() {
  const config = usePublicConfig();
  return config?.mode === "simulator" ? null : <FalKeyControl serverHasKey={config?.serverHasKey} />;
}
