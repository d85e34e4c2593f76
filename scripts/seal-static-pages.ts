/**
 * The second half of `npm run build`: the prerendered pages get the script integrity Next leaves
 * out, and .next/static-page-scripts.json the hashes their CSP allows (lib/security/seal-static-pages.ts).
 */
import { join } from "node:path";
import { sealStaticPages } from "@/lib/security/seal-static-pages";

sealStaticPages(join(process.cwd(), ".next")).then(
  ({ pages, scriptSources }) =>
    console.log(`Sealed ${pages.length} static pages (${pages.join(", ")}): ${scriptSources.length} script hashes`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
