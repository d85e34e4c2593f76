/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["sharp", "undici"],
  experimental: {
    // proxy.ts buffers the body of every request it sees (10 MB by default) and holds the answer
    // until the body ends. The routes that take a body skip proxy.ts, so nothing it sees needs one.
    proxyClientMaxBodySize: "64kb",
    // Integrity on the pages' scripts lets their CSP allow each by hash (lib/security/page-policy.ts).
    sri: { algorithm: "sha256" },
  },
  // Pages and API answers get their headers in proxy.ts; these cover the static assets it skips.
  async headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
