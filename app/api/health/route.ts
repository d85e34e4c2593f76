import { serverEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true, mode: serverEnv().mode });
}
