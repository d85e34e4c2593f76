import type { Metadata, Viewport } from "next";

export const metadata: Metadata = { title: "Bare Next page", description: "The floor of the playground's benchmarks." };

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0, padding: "1.5rem 1rem" }}>{children}</body>
    </html>
  );
}
