import type { QueueStatus } from "@fal-ai/client";
import { describe, expect, it, vi } from "vitest";
import { lazyTransport } from "./lazy-transport";
import type { RunTransport } from "./run-transport";

const QUEUED: QueueStatus = {
  status: "IN_QUEUE",
  request_id: "r1",
  queue_position: 2,
  response_url: "",
  status_url: "",
  cancel_url: "",
};

function fakeTransport(): RunTransport {
  return {
    submit: vi.fn(async () => ({ requestId: "r1", queuePosition: 2 })),
    status: vi.fn(async () => QUEUED),
    follow: vi.fn(async () => QUEUED),
    result: vi.fn(async () => ({ data: { images: [] } })),
    cancel: vi.fn(async () => "cancelled" as const),
  };
}

describe("lazyTransport", () => {
  it("loads nothing until the first call, then once, and passes every call on", async () => {
    const real = fakeTransport();
    const load = vi.fn(async () => real);
    const transport = lazyTransport(load);
    expect(load).not.toHaveBeenCalled();
    const signal = new AbortController().signal;
    await expect(transport.submit({ model_name: "m", prompt: "p" }, signal)).resolves.toEqual({
      requestId: "r1",
      queuePosition: 2,
    });
    await transport.status("r1", signal);
    await transport.result("r1", signal);
    await expect(transport.cancel("r1")).resolves.toBe("cancelled");
    expect(load).toHaveBeenCalledTimes(1);
    expect(real.submit).toHaveBeenCalledWith({ model_name: "m", prompt: "p" }, signal);
    expect(real.status).toHaveBeenCalledWith("r1", signal);
  });

  it("tries the load again after one failed, as the caller retries", async () => {
    const real = fakeTransport();
    const load = vi
      .fn()
      .mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module"))
      .mockResolvedValue(real);
    const transport = lazyTransport(load);
    const signal = new AbortController().signal;
    await expect(transport.status("r1", signal)).rejects.toThrow(TypeError);
    await expect(transport.status("r1", signal)).resolves.toMatchObject({ status: "IN_QUEUE" });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
