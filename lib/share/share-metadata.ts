import "server-only";
import type { Metadata } from "next";
import { SITE_NAME } from "@/lib/site";
import { noPreviewReason, readLinkPayload } from "./link-payload";
import { CARD_HEIGHT, CARD_WIDTH } from "./preview-card";
import { oneLine, shareSummary } from "./share-summary";
import { SHARE_PATH } from "./share-link";

/** Where a link's preview card is drawn (app/s/[payload]/preview.jpg). */
export function previewPath(payload: string): string {
  return `${SHARE_PATH}${payload}/preview.jpg`;
}

/**
 * The tags a shared link's page carries for chat apps, which fetch it without running scripts: a
 * title from the prompt, a description of the key settings, and the preview card, drawn by this
 * server. A link that cannot be read says so and gets no card.
 */
export function shareMetadata(payload: string, origin: string): Metadata {
  const reading = readLinkPayload(payload, origin);
  const url = `${origin}${SHARE_PATH}${payload}`;
  if (reading.unreadable) {
    const title = "A shared link that could not be read";
    const description = oneLine(noPreviewReason(reading) ?? "", 300);
    return {
      title: `${title} · ${SITE_NAME}`,
      description,
      robots: { index: false },
      openGraph: { type: "website", siteName: SITE_NAME, title, description, url },
      twitter: { card: "summary", title, description },
    };
  }
  const summary = shareSummary(reading.values, reading.run?.seed);
  const title = summary.title || (reading.run ? "A shared run" : "Shared settings");
  // A link whose image is on another host gets no card rather than one drawn without it.
  const images = noPreviewReason(reading)
    ? []
    : [
        {
          url: `${origin}${previewPath(payload)}`,
          width: CARD_WIDTH,
          height: CARD_HEIGHT,
          type: "image/jpeg",
          alt: `${reading.run ? "A run" : "Settings"} shared from the ${SITE_NAME}: ${title}`,
        },
      ];
  return {
    title: `${title} · ${SITE_NAME}`,
    description: summary.description,
    // Links carry what visitors typed: chat apps may show them, search engines need not keep them.
    robots: { index: false },
    openGraph: {
      type: "website",
      siteName: SITE_NAME,
      title,
      description: summary.description,
      url,
      images,
    },
    twitter: {
      card: images.length ? "summary_large_image" : "summary",
      title,
      description: summary.description,
      images,
    },
  };
}
