import { ApiError } from "@fal-ai/client";
import { describe, expect, it, vi } from "vitest";
import { RunManager } from "./run-manager";
import type { RunTransport } from "./run-transport";

// The connection drops before the first run: the code that follows runs and explains errors cannot load.
vi.mock("./run-follower", () => {
  throw new Error("Failed to load chunk");
});
vi.mock("./run-error", () => {
  throw new Error("Failed to load chunk");
});

const input = { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: "a lighthouse" };

function transport(overrides: Partial<RunTransport> = {}): RunTransport {
  return {
    submit: vi.fn(async () => ({ requestId: "req-1", queuePosition: 2 })),
    status: vi.fn(),
    follow: vi.fn(),
    result: vi.fn(),
    cancel: vi.fn(),
    ...overrides,
  } as RunTransport;
}

describe("RunManager when its lazily loaded code cannot be loaded", () => {
  it("says a queued run cannot be followed yet, instead of leaving it queued for ever", async () => {
    const manager = new RunManager({ transport: transport() });
    const id = manager.start(input);
    await vi.waitFor(() => expect(manager.get(id)?.connection?.state).toBe("lost"));
    expect(manager.get(id)).toMatchObject({
      status: "queued",
      requestId: "req-1",
      connection: { state: "lost", reason: expect.stringMatching(/could not load the code that follows runs/) },
    });
  });

  it("fails a refused run with the error's own words and a note, instead of leaving it submitting", async () => {
    const refused = new ApiError({ message: "Unprocessable Entity", status: 422, body: { detail: "bad input" } });
    const manager = new RunManager({ transport: transport({ submit: vi.fn(async () => Promise.reject(refused)) }) });
    const id = manager.start(input);
    await vi.waitFor(() => expect(manager.get(id)?.status).toBe("failed"));
    expect(manager.get(id)?.error).toMatchObject({
      kind: "network",
      retryable: false,
      message: expect.stringMatching(/^Unprocessable Entity \(the page could not load the code/),
    });
  });
});
