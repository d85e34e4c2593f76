"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { messageOf } from "@/lib/errors/message-of";
import { areImagesGone } from "@/lib/history/gone-images";
import type { Run } from "@/lib/runs/run-state";

type ShareRunButtonProps = {
  run: Run;
  /** Which of the run's images the link shows. */
  imageIndex: number;
  /** What happened, for a status line. */
  onNotice: (text: string) => void;
  describedBy?: string;
};

/** What the link carries and how it went, in one status line. */
async function shareText({ run, imageIndex }: ShareRunButtonProps): Promise<string> {
  // Link making (the schema, the compressor, the uploader) loads at the first Share.
  const [{ runLink }, { linkLengthNotes }] = await Promise.all([
    import("./make-link"),
    import("@/lib/share/share-link"),
  ]);
  // Images this page found expired are not put in a link: it carries the settings instead.
  const imageGone = areImagesGone(run.id);
  const link = await runLink(run, imageIndex, imageGone);
  const carries =
    link.carries === "run"
      ? "it opens this image with its settings and seed."
      : imageGone
        ? "the image has expired, so it carries the run's settings only."
        : "this run has no image, so it carries its settings only.";
  const leftOut = link.leftOut.length
    ? `Left out because they no longer fit the form: ${link.leftOut.map((problem) => problem.field).join(", ")}.`
    : "";
  const notes = [leftOut, ...linkLengthNotes(link)].filter(Boolean).join(" ");
  try {
    await navigator.clipboard.writeText(link.url);
    return `Link copied (${link.url.length.toLocaleString("en")} characters): ${carries} ${notes}`.trim();
  } catch {
    return `Copying was refused by the browser; the link is ${link.url} (${carries}) ${notes}`.trim();
  }
}

/** Share: copies a link that opens the run (its settings, seed and image) on this playground. */
export function ShareRunButton(props: ShareRunButtonProps) {
  const [busy, setBusy] = useState(false);
  const { onNotice, describedBy } = props;
  return (
    <Button
      disabled={busy}
      aria-describedby={describedBy}
      onClick={() => {
        setBusy(true);
        onNotice("Making the link…");
        shareText(props)
          .catch((error: unknown) => `The link could not be made: ${messageOf(error)}`)
          .then(onNotice)
          .finally(() => setBusy(false));
      }}
    >
      Share
    </Button>
  );
}
