import { serverEnv } from "@/lib/env";
import { guardedRoute } from "@/lib/http/guarded-route";
import { createProxyHandler } from "@/lib/proxy/handler";
import { TOO_LARGE_MESSAGE } from "@/lib/security/body-limit";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handleProxyRequest = guardedRoute(createProxyHandler(), () => ({
  maxBytes: serverEnv().PROXY_MAX_BODY_BYTES,
  message: TOO_LARGE_MESSAGE,
}));

export {
  handleProxyRequest as GET,
  handleProxyRequest as POST,
  handleProxyRequest as PUT,
  handleProxyRequest as DELETE,
  handleProxyRequest as PATCH,
  handleProxyRequest as HEAD,
  handleProxyRequest as OPTIONS,
};
