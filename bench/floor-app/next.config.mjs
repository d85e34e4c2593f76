import { fileURLToPath } from "node:url";

/**
 * The floor the playground is measured against: a bare page built by the project's own Next and
 * React (no second install), with the playground's server settings that change what ships.
 */
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The project root holds node_modules and the lockfile; the floor app is only a folder inside it.
  turbopack: { root: fileURLToPath(new URL("../..", import.meta.url)) },
  // `npm run typecheck` checks these files with the rest of the project.
  typescript: { tsconfigPath: "../../tsconfig.json", ignoreBuildErrors: true },
};

export default nextConfig;
