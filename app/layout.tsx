import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env";
import { originFromHeaders } from "@/lib/http/request-origin";
import { SITE_NAME } from "@/lib/site";
import { THEME_SCRIPT } from "@/lib/theme/theme";
import "./globals.css";

const title = SITE_NAME;
const description =
  "Image-to-image with Stable Diffusion and SDXL on fal: LoRAs, ControlNets, IP adapters and more, with live queue status, logs and a history of your runs.";

/** Link previews need absolute image URLs: they are made for the host the visitor reached. */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(originFromHeaders(await headers(), new URL("http://localhost"), serverEnv().TRUST_PROXY)),
    title,
    description,
    applicationName: title,
    openGraph: { title, description, type: "website", siteName: title },
    twitter: { card: "summary_large_image", title, description },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts hands every page its CSP nonce; without it the theme script would be refused.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The theme script sets data-theme on <html> before React hydrates it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-dvh antialiased">{children}</body>
    </html>
  );
}
