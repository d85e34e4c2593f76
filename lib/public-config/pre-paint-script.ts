import { PUBLIC_CONFIG_COOKIE } from "./public-config";

/**
 * Runs in <head> before the first paint: mirrors each plain field of the configuration cookie on <html>
 * (`mode` as data-config-mode, `serverHasKey` as data-config-server-has-key …), so the CSS can lay
 * the prerendered page out for this server before React knows it (the config-* variants of globals.css).
 */
export const PUBLIC_CONFIG_SCRIPT = `try{var m=document.cookie.match(/(?:^|;\\s*)${PUBLIC_CONFIG_COOKIE}=([^;]*)/);if(m){var c=JSON.parse(decodeURIComponent(m[1])),d=document.documentElement.dataset;for(var k in c)if(typeof c[k]!="object")d["config"+k[0].toUpperCase()+k.slice(1)]=String(c[k])}}catch(e){}`;
