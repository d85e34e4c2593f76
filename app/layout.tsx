import type { Metadata, Viewport } from "next";
import { HEAD_SCRIPTS } from "@/lib/security/head-scripts";
import { SITE_NAME } from "@/lib/site";
import "./globals.css";

const title = SITE_NAME;
const description =
  "Image-to-image with Stable Diffusion and SDXL on fal: LoRAs, ControlNets, IP adapters and more, with live queue status, logs and a history of your runs.";

export const metadata: Metadata = {
  title,
  description,
  applicationName: title,
  openGraph: { title, description, type: "website", siteName: title },
  twitter: { card: "summary_large_image", title, description },
};

const PAGE_END_ID = "page-end";

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // The head scripts set data-theme and data-config-* on <html> before React hydrates it.
    <html lang="en" suppressHydrationWarning>
      <head>
        {HEAD_SCRIPTS.map((script) => (
          <script key={script} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: script }} />
        ))}
        {/* A complete page arrives at once: painting it half parsed would only move what is drawn (CLS). */}
        <link rel="expect" href={`#${PAGE_END_ID}`} blocking="render" />
      </head>
      <body className="min-h-dvh antialiased">
        {children}
        <div id={PAGE_END_ID} hidden />
      </body>
    </html>
  );
}
