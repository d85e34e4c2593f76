import "server-only";
import type { ServerEnv } from "@/lib/env";
import { VISITOR_KEY_HEADER, isPlausibleFalKey } from "@/lib/access/visitor-key";
import { simulatorHopSecret } from "@/lib/simulator/hop-secret";
import { SIMULATOR_BASE_PATH } from "@/lib/simulator/paths";
import type { Upstream } from "./upstream";

export type UpstreamChoice = { ok: true; upstream: Upstream } | { ok: false; status: 400 | 401; detail: string };

export const NO_KEY_MESSAGE =
  "This playground runs on fal.ai but has no fal key: enter your own fal key in the page (it stays in this browser tab), or set FAL_KEY on the server.";

/**
 * The upstream for one request. In fal mode a visitor's own key wins over the server's FAL_KEY,
 * so their runs are billed to them; the simulator needs no key at all.
 */
export function chooseUpstream(env: ServerEnv, headers: Headers): UpstreamChoice {
  if (env.mode === "simulator") {
    return {
      ok: true,
      upstream: {
        mode: "simulator",
        // The simulator's queue answers this process's secret only, so no one can go around the proxy.
        authorization: `Key ${simulatorHopSecret()}`,
        // Without SIMULATOR_ORIGIN, in-process: the same simulator, without a hop over loopback.
        redirect: { origin: env.SIMULATOR_ORIGIN, basePath: SIMULATOR_BASE_PATH },
      },
    };
  }
  const visitorKey = headers.get(VISITOR_KEY_HEADER)?.trim();
  if (visitorKey && !isPlausibleFalKey(visitorKey)) {
    return { ok: false, status: 400, detail: "That fal key does not look right: it should read like `key-id:secret`." };
  }
  const key = visitorKey || env.FAL_KEY;
  if (!key) return { ok: false, status: 401, detail: NO_KEY_MESSAGE };
  const redirect = env.FAL_UPSTREAM_ORIGIN ? fakeFal(env.FAL_UPSTREAM_ORIGIN) : undefined;
  return { ok: true, upstream: { mode: "fal", authorization: `Key ${key}`, redirect } };
}

/** A test-only stand-in for fal, given as a URL whose path (if any) prefixes fal's paths. */
function fakeFal(url: string): { origin: string; basePath: string } {
  const parsed = new URL(url);
  return { origin: parsed.origin, basePath: parsed.pathname.replace(/\/+$/, "") };
}
