import { FalKeyControl } from "@/components/access/fal-key-control";
import { ModeStatus } from "@/components/mode-status";
import { AppHeader } from "@/components/playground/app-header";
import { Playground } from "@/components/playground/playground";
import { fixedRequestOptions, serverEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function Home() {
  const env = serverEnv();
  const { mode, FAL_KEY, RATE_LIMIT_SUBMITS_PER_MINUTE } = env;
  const serverHasKey = Boolean(FAL_KEY);
  return (
    <div className="flex min-h-dvh flex-col lg:h-dvh lg:overflow-hidden">
      <AppHeader status={<ModeStatus mode={mode} serverHasKey={serverHasKey} />} />
      <Playground
        mode={mode}
        submitsPerMinute={RATE_LIMIT_SUBMITS_PER_MINUTE}
        fixedRequestOptions={fixedRequestOptions(env)}
        falKey={mode === "fal" ? <FalKeyControl serverHasKey={serverHasKey} /> : undefined}
      />
    </div>
  );
}
