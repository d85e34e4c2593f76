import { PlaygroundPage } from "@/components/playground/playground-page";

/**
 * Prerendered at build: the same bytes for every visitor, allowed by a hash-based CSP. What depends
 * on the server's configuration reads it from the cookie proxy.ts sends with the page
 * (docs/architecture.md#the-servers-public-configuration).
 */
export default function Home() {
  return <PlaygroundPage />;
}
