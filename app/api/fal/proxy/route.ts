import { createProxyHandler } from "@/lib/proxy/handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handleProxyRequest = createProxyHandler();

export {
  handleProxyRequest as GET,
  handleProxyRequest as POST,
  handleProxyRequest as PUT,
  handleProxyRequest as DELETE,
  handleProxyRequest as PATCH,
  handleProxyRequest as HEAD,
  handleProxyRequest as OPTIONS,
};
