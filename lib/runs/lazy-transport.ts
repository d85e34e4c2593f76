import type { RunTransport } from "./run-transport";

/**
 * A transport that loads the real one (and the fal client with it) at its first call, so the
 * page does not carry the client until a run starts or one in flight is resumed. A load that
 * fails is tried again at the next call, as following a run retries what the network refused.
 */
export function lazyTransport(load: () => Promise<RunTransport>): RunTransport {
  let loading: Promise<RunTransport> | undefined;
  const transport = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return {
    submit: async (input, signal) => (await transport()).submit(input, signal),
    status: async (requestId, signal) => (await transport()).status(requestId, signal),
    follow: async (requestId, options) => (await transport()).follow(requestId, options),
    result: async (requestId, signal) => (await transport()).result(requestId, signal),
    cancel: async (requestId) => (await transport()).cancel(requestId),
  };
}
