import { ApiError, type QueueStatus, ValidationError } from "@fal-ai/client";
import { describe, expect, it, vi } from "vitest";
import { type FollowOptions, followRun } from "./run-follower";
import type { RunConnection } from "./run-state";
import type { RunTransport } from "./run-transport";

const input = { model_name: "m", prompt: "p", seed: 7, image_url: "https://x.test/init.png" };
const image = { url: "https://cdn.test/a.png" };

function status(state: QueueStatus["status"], extra: Record<string, unknown> = {}): QueueStatus {
  return {
    status: state,
    request_id: "req-1",
    response_url: "u",
    status_url: "u",
    cancel_url: "u",
    logs: [],
    queue_position: 0,
    ...extra,
  } as QueueStatus;
}

const htmlBadGateway = () => new ApiError({ message: "HTTP 502: Bad Gateway", status: 502 });

function transport(overrides: Partial<RunTransport> = {}): RunTransport {
  return {
    submit: vi.fn(),
    status: vi.fn(async () => status("IN_PROGRESS")),
    follow: vi.fn(async () => status("COMPLETED")),
    result: vi.fn(async () => ({ data: { images: [image], seed: 7 } })),
    cancel: vi.fn(),
    ...overrides,
  };
}

function follow(fake: RunTransport, extra: Partial<FollowOptions> = {}) {
  const connections: (RunConnection | undefined)[] = [];
  const statuses: QueueStatus[] = [];
  const ending = followRun({
    transport: fake,
    requestId: "req-1",
    input,
    signal: new AbortController().signal,
    resume: false,
    policy: { firstDelayMs: 1, maxDelayMs: 4, maxAttempts: 5 },
    onStatus: (update) => statuses.push(update),
    onConnection: (connection) => connections.push(connection),
    wakeup: () => new Promise(() => undefined),
    ...extra,
  });
  return { ending, connections, statuses };
}

/** A function that throws each of `errors` once, then answers `value`. */
function failing<T>(errors: unknown[], value: () => T) {
  return vi.fn(async () => {
    const error = errors.shift();
    if (error) throw error;
    return value();
  });
}

describe("followRun", () => {
  it("rides out network failures and gateway errors on the same request, then lands the images", async () => {
    const errors = [
      new ApiError({ message: "Too Many Requests", status: 429 }),
      htmlBadGateway(),
      new TypeError("Failed to fetch"),
    ];
    const fake = transport({
      follow: failing([new TypeError("Failed to fetch")], () =>
        status("COMPLETED", { metrics: { inference_time: 1 } }),
      ),
      status: failing(errors, () => status("IN_PROGRESS")),
      result: failing([new ApiError({ message: "Gateway Timeout", status: 504 })], () => ({
        data: { images: [image], seed: 7 },
      })),
    });
    const { ending, connections } = follow(fake);
    expect(await ending).toEqual({ status: "completed", output: { images: [image], seed: 7 } });
    const attempts = connections.map((connection) =>
      connection?.state === "reconnecting" ? connection.attempt : undefined,
    );
    expect(attempts).toEqual([1, 2, 3, 4, undefined, 1, undefined]);
    expect(fake.submit).not.toHaveBeenCalled();
  });

  it("stops trying after the bound and says why, without failing the run or submitting it", async () => {
    const fake = transport({
      follow: vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
      status: vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    });
    const { ending, connections } = follow(fake);
    expect(await ending).toEqual({ status: "lost", reason: "the network failed (Failed to fetch)" });
    expect(connections).toHaveLength(5);
    expect(fake.submit).not.toHaveBeenCalled();
  });

  it("tries again at once when woken (back online, tab visible)", async () => {
    const fake = transport({ follow: failing([new TypeError("Failed to fetch")], () => status("COMPLETED")) });
    let wake: () => void = () => undefined;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    const { ending, connections } = follow(fake, {
      policy: { firstDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 3 },
      wakeup: () => woken,
    });
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    wake();
    expect((await ending).status).toBe("completed");
  });

  it("starts counting again whenever fal answers", async () => {
    const fake = transport({
      follow: failing(
        Array.from({ length: 8 }, () => new TypeError("Failed to fetch")),
        () => status("COMPLETED"),
      ),
    });
    expect((await follow(fake).ending).status).toBe("completed");
    expect(fake.follow).toHaveBeenCalledTimes(9);
  });

  it("follows a runner retry (back to IN_QUEUE with a position) without error", async () => {
    const fake = transport({
      follow: vi.fn(async (_id, { onStatus }) => {
        onStatus(status("IN_PROGRESS"));
        onStatus(status("IN_QUEUE", { queue_position: 0 }));
        onStatus(status("IN_PROGRESS"));
        return status("COMPLETED");
      }),
    });
    const { ending, statuses } = follow(fake);
    expect((await ending).status).toBe("completed");
    expect(statuses.map((update) => update.status)).toEqual(["IN_PROGRESS", "IN_QUEUE", "IN_PROGRESS"]);
  });

  it("stops following when fal refuses to answer (a key that stopped working) and says so", async () => {
    const refused = new ApiError({
      message: "Unauthorized",
      status: 401,
      body: { detail: "This playground has no fal key." },
    });
    const { ending } = follow(transport({ follow: vi.fn(async () => Promise.reject(refused)) }));
    expect(await ending).toEqual({ status: "lost", reason: "This playground has no fal key." });
  });

  it("fails a request fal no longer knows, with Retry", async () => {
    const { ending } = follow(
      transport({ follow: vi.fn(async () => Promise.reject(new ApiError({ message: "Not Found", status: 404 }))) }),
    );
    expect(await ending).toMatchObject({
      status: "failed",
      error: { retryable: true, message: expect.stringContaining("no request req-1") },
    });
  });

  it("reads a cancelled run as cancelled, from its status or from a 499 result", async () => {
    const cancelled = status("COMPLETED", { error: "Request was cancelled", error_type: "client_cancelled" });
    expect(await follow(transport({ follow: vi.fn(async () => cancelled) })).ending).toEqual({ status: "cancelled" });
    const result499 = vi.fn(async () =>
      Promise.reject(new ApiError({ message: "x", status: 499, body: { detail: "Request was cancelled" } })),
    );
    expect(await follow(transport({ result: result499 })).ending).toEqual({ status: "cancelled" });
  });

  it("fails a run fal reports as failed with fal's message, asking nothing again", async () => {
    const failedStatus = status("COMPLETED", {
      error: "Internal error while generating the images",
      error_type: "runner_server_error",
    });
    const result = vi.fn(async () => Promise.reject(new ApiError({ message: "Internal Server Error", status: 500 })));
    const fake = transport({ follow: vi.fn(async () => failedStatus), result });
    expect(await follow(fake).ending).toMatchObject({
      status: "failed",
      error: {
        kind: "api",
        message:
          "The model's code failed on fal's runner. Retry; if it fails again, change what is unusual about this run (a LoRA, a ControlNet, the model). (fal: Internal error while generating the images)",
        retryable: true,
        errorType: "runner_server_error",
        billing: "fal does not bill failed runs: it charges only for successful outputs.",
      },
    });
    expect(result).toHaveBeenCalledTimes(1);
  });

  it("fails on the app's own 500 (JSON) but asks again after a gateway's (HTML)", async () => {
    const appError = new ApiError({
      message: "Internal Server Error",
      status: 500,
      body: { detail: "CUDA out of memory" },
    });
    expect(await follow(transport({ result: vi.fn(async () => Promise.reject(appError)) })).ending).toMatchObject({
      status: "failed",
      error: { message: "CUDA out of memory" },
    });
    const gateway = new ApiError({ message: "HTTP 500: Internal Server Error", status: 500 });
    expect(
      (await follow(transport({ result: failing([gateway], () => ({ data: { images: [image] } })) })).ending).status,
    ).toBe("completed");
  });

  it("points a result-time 422 that names an image URL at the field holding it", async () => {
    const detail = `Could not load image from url: ${input.image_url}`;
    const result = vi.fn(async () =>
      Promise.reject(new ValidationError({ message: "Unprocessable Entity", status: 422, body: { detail } })),
    );
    const failedStatus = status("COMPLETED", { error: detail, error_type: "validation_error" });
    expect(await follow(transport({ follow: vi.fn(async () => failedStatus), result })).ending).toMatchObject({
      status: "failed",
      error: { kind: "validation", retryable: false, fieldErrors: [{ field: "image_url" }] },
    });
  });

  it("carries the billable units of the result answer into the ending, and none where fal sent none", async () => {
    const billed = transport({ result: vi.fn(async () => ({ data: { images: [image] }, billableUnits: "3.5" })) });
    expect(await follow(billed).ending).toEqual({
      status: "completed",
      output: { images: [image] },
      billableUnits: "3.5",
    });
    expect(await follow(transport()).ending).not.toHaveProperty("billableUnits");
  });

  it("keeps a result without an image URL as raw text for the card, big seed included", async () => {
    const raw = { images: [], seed: 196619188014358660n, detail: "odd" };
    expect(await follow(transport({ result: vi.fn(async () => ({ data: raw, billableUnits: "2" })) })).ending).toEqual({
      status: "failed",
      error: {
        kind: "result",
        message: expect.stringContaining("no image URL"),
        fieldErrors: [],
        retryable: false,
        raw: '{\n  "images": [],\n  "seed": 196619188014358660,\n  "detail": "odd"\n}',
      },
    });
  });

  it("asks for the status first when it picks a run up again", async () => {
    const fake = transport({ status: vi.fn(async () => status("COMPLETED")) });
    expect((await follow(fake, { resume: true }).ending).status).toBe("completed");
    expect(fake.follow).not.toHaveBeenCalled();
  });
});
