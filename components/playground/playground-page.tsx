import { FalKeyControl } from "@/components/access/fal-key-control";
import { ModeStatus } from "@/components/mode-status";
import { serverEnv } from "@/lib/env";
import { AppHeader } from "./app-header";
import { Playground } from "./playground";

/** The whole page, for the playground's own address and for shared links (`opensLink`), which fill it in. */
export function PlaygroundPage({ opensLink = false }: { opensLink?: boolean }) {
  const { mode, FAL_KEY, RATE_LIMIT_SUBMITS_PER_MINUTE, RATE_LIMIT_WINDOW_SECONDS } = serverEnv();
  const serverHasKey = Boolean(FAL_KEY);
  return (
    <div className="flex min-h-dvh flex-col lg:h-dvh lg:overflow-hidden">
      <AppHeader status={<ModeStatus mode={mode} serverHasKey={serverHasKey} />} />
      <Playground
        mode={mode}
        submitLimit={{ perMinute: RATE_LIMIT_SUBMITS_PER_MINUTE, windowMs: RATE_LIMIT_WINDOW_SECONDS * 1000 }}
        falKey={mode === "fal" ? <FalKeyControl serverHasKey={serverHasKey} /> : undefined}
        opensLink={opensLink}
      />
    </div>
  );
}
