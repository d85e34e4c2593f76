import type { Metadata } from "next";
import { headers } from "next/headers";
import { PlaygroundPage } from "@/components/playground/playground-page";
import { serverEnv } from "@/lib/env";
import { originFromHeaders } from "@/lib/http/request-origin";
import { shareMetadata } from "@/lib/share/share-metadata";
import { decoded } from "@/lib/share/share-link";

export const dynamic = "force-dynamic";

type SharedLinkProps = { params: Promise<{ payload: string }> };

/** The tags chat apps read; the page itself is the playground, which reads the link in the browser. */
export async function generateMetadata({ params }: SharedLinkProps): Promise<Metadata> {
  const { payload } = await params;
  const origin = originFromHeaders(await headers(), new URL("http://localhost"), serverEnv().TRUST_PROXY);
  return shareMetadata(decoded(payload), origin);
}

export default function SharedLink() {
  return <PlaygroundPage opensLink />;
}
