import { LinkPreviewImage } from "@/components/link-preview/link-preview-image";
import { ModeStatus } from "@/components/mode-status";
import { serverEnv } from "@/lib/env";
import { AppHeader } from "./app-header";
import { Playground } from "./playground";

/**
 * The whole page, for the playground's own address (prerendered, with the playground's own link
 * preview) and for shared links (`opensLink`), whose previews their route's metadata gives.
 */
export function PlaygroundPage({ opensLink = false }: { opensLink?: boolean }) {
  return (
    <div className="flex min-h-dvh flex-col lg:h-dvh lg:overflow-hidden">
      {!opensLink && <LinkPreviewImage publicOrigin={serverEnv().PUBLIC_ORIGIN} />}
      <AppHeader status={<ModeStatus />} />
      <Playground opensLink={opensLink} />
    </div>
  );
}
