import { serverEnv } from "@/lib/env";
import { MAX_IMAGE_BYTES } from "@/lib/fal/limits";
import { guardedRoute } from "@/lib/http/guarded-route";
import { handleSimulatorRequest } from "@/lib/simulator/http";
import { uploadTooLargeMessage } from "@/lib/simulator/http-storage";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function handleSimulator(request: Request): Promise<Response> {
  if (serverEnv().mode !== "simulator") {
    return Response.json({ detail: "The simulator is off: this playground runs against fal." }, { status: 404 });
  }
  return handleSimulatorRequest(request);
}

// The biggest body here is an upload; submits arrive through the proxy, within its own limit.
const handle = guardedRoute(handleSimulator, () => ({
  maxBytes: Math.max(MAX_IMAGE_BYTES, serverEnv().PROXY_MAX_BODY_BYTES),
  message: uploadTooLargeMessage(MAX_IMAGE_BYTES),
}));

export { handle as GET, handle as POST, handle as PUT, handle as OPTIONS, handle as DELETE, handle as PATCH };
