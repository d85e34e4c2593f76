import { join } from "node:path";
import { freshNonceSource, pageContentSecurityPolicy } from "./headers";
import { HEAD_SCRIPTS } from "./head-scripts";
import { scriptHashSource } from "./script-hashes";
import { readStaticPageScripts, type StaticPageScripts } from "./static-page-scripts";

const HEAD_SCRIPT_SOURCES = HEAD_SCRIPTS.map(scriptHashSource);

export type PagePolicy = {
  policy: string;
  /** Set for a page rendered per request: Next reads it from the request's policy and stamps its scripts. */
  nonce?: string;
};

type PagePolicyContext = {
  /** The build's record of its static pages; undefined under `next dev`, where every page renders per request. */
  staticPages: StaticPageScripts | undefined;
  development: boolean;
  extraOrigins: string[];
};

/**
 * A prerendered page is the same bytes for everyone, so its policy allows its scripts by hash and
 * carries no nonce; any other page (sign-in, a 404) gets a fresh nonce and the head scripts' hashes.
 */
export function pagePolicyFor(
  pathname: string,
  { staticPages, development, extraOrigins }: PagePolicyContext,
): PagePolicy {
  if (staticPages?.pages.includes(pathname)) {
    return {
      policy: pageContentSecurityPolicy({ scriptSources: staticPages.scriptSources, development, extraOrigins }),
    };
  }
  const { nonce, source } = freshNonceSource();
  return {
    policy: pageContentSecurityPolicy({ scriptSources: [source, ...HEAD_SCRIPT_SOURCES], development, extraOrigins }),
    nonce,
  };
}

let built: StaticPageScripts | undefined;

/**
 * The production build's static pages, read once. A build made with `next build` alone has pages whose
 * scripts no policy would allow, so it is refused outright rather than served broken.
 */
export function builtStaticPages(): StaticPageScripts {
  built ??= readStaticPageScripts(join(process.cwd(), ".next"));
  if (!built) {
    throw new Error(
      "This build has no .next/static-page-scripts.json, so its static pages' scripts would be refused: build with `npm run build`.",
    );
  }
  return built;
}
