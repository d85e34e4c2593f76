import { LinkPreviewImage } from "@/components/link-preview/link-preview-image";
import { ModeStatus } from "@/components/mode-status";
import { AppHeader } from "@/components/playground/app-header";
import { Playground } from "@/components/playground/playground";
import { serverEnv } from "@/lib/env";

/**
 * Prerendered at build: the same bytes for every visitor, allowed by a hash-based CSP. What depends
 * on the server's configuration reads it from the cookie proxy.ts sends with the page
 * (docs/architecture.md#the-servers-public-configuration).
 */
export default function Home() {
  return (
    <div className="flex min-h-dvh flex-col lg:h-dvh lg:overflow-hidden">
      <LinkPreviewImage publicOrigin={serverEnv().PUBLIC_ORIGIN} />
      <AppHeader status={<ModeStatus />} />
      <Playground />
    </div>
  );
}
