import { publicConfig } from "@/lib/public-config/server-public-config";

export const dynamic = "force-dynamic";

/** The server's public configuration, for the static page; never cached, so a changed environment shows at once. */
export function GET() {
  return Response.json(publicConfig(), { headers: { "cache-control": "no-store" } });
}
