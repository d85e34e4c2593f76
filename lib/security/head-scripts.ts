import { PUBLIC_CONFIG_SCRIPT } from "@/lib/public-config/pre-paint-script";
import { THEME_SCRIPT } from "@/lib/theme/theme";

/**
 * The inline scripts the root layout writes in <head>, to run before the first paint. A prerendered
 * page's policy hashes them with the rest of its scripts; a page rendered per request allows them
 * by these hashes, as Next stamps its nonce only on its own scripts.
 */
export const HEAD_SCRIPTS = [THEME_SCRIPT, PUBLIC_CONFIG_SCRIPT] as const;
