import { serverEnv } from "@/lib/env";
import { handleSimulatorRequest } from "@/lib/simulator/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  if (serverEnv().mode !== "simulator") {
    return Response.json({ detail: "The simulator is off: this playground runs against fal." }, { status: 404 });
  }
  return handleSimulatorRequest(request);
}

export { handle as GET, handle as POST, handle as PUT, handle as OPTIONS, handle as DELETE, handle as PATCH };
