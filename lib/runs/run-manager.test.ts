import "fake-indexeddb/auto";
import { ApiError, type QueueStatus, ValidationError } from "@fal-ai/client";
import { describe, expect, it, vi } from "vitest";
import type { LoraOutput } from "@/lib/fal/output-schema";
import { openRunHistory } from "@/lib/history/run-history";
import type { RunPrice } from "@/lib/pricing/quote";
import { RateLimitedError } from "./rate-limited";
import { RunManager } from "./run-manager";
import type { CancelAnswer, RunTransport } from "./run-transport";

const input = { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: "a lighthouse" };
const output: LoraOutput = {
  images: [
    {
      url: "https://cdn.example/a.png",
      content_type: "image/png",
      file_name: "a.png",
      file_size: 10,
      width: 64,
      height: 64,
    },
  ],
  seed: 42,
  has_nsfw_concepts: [false],
};

function status(state: QueueStatus["status"], extra: Record<string, unknown> = {}): QueueStatus {
  const urls = { request_id: "req-1", response_url: "u", status_url: "u", cancel_url: "u" };
  return { status: state, ...urls, logs: [], queue_position: 0, ...extra } as QueueStatus;
}

function fakeTransport(overrides: Partial<RunTransport> = {}): RunTransport {
  return {
    submit: vi.fn(async () => ({ requestId: "req-1", queuePosition: 2 })),
    status: vi.fn(async () => status("IN_PROGRESS")),
    follow: vi.fn(async (_id, { onStatus }) => {
      onStatus(status("IN_QUEUE", { queue_position: 1 }));
      onStatus(status("IN_PROGRESS", { logs: [{ message: "Step 1/30", level: "INFO", timestamp: "t" }] }));
      const done = status("COMPLETED", {
        logs: [{ message: "Step 30/30", level: "INFO", timestamp: "t" }],
        metrics: { inference_time: 1.25 },
      });
      onStatus(done);
      return done;
    }),
    result: vi.fn(async () => ({ data: output, billableUnits: "1.25" })),
    cancel: vi.fn(async (): Promise<CancelAnswer> => "cancelled"),
    ...overrides,
  };
}

async function settled(manager: RunManager, id: string) {
  await vi.waitFor(() => expect(["completed", "failed", "cancelled"]).toContain(manager.get(id)?.status));
  return manager.get(id);
}

describe("RunManager", () => {
  it("submits with an explicit seed, follows the queue and lands the output with its logs and inference time", async () => {
    const transport = fakeTransport();
    const manager = new RunManager({ transport });
    const id = manager.start(input);
    expect(manager.get(id)?.status).toBe("submitting");
    const seed = manager.get(id)?.input.seed;
    expect(seed).toEqual(expect.any(Number));
    expect(transport.submit).toHaveBeenCalledWith({ ...input, seed }, expect.any(AbortSignal));
    expect(await settled(manager, id)).toMatchObject({
      requestId: "req-1",
      status: "completed",
      output,
      inferenceTime: 1.25,
      logs: [{ message: "Step 30/30" }],
    });
    expect(manager.snapshot().liveIds.has(id)).toBe(true);
  });

  it("keeps what fal billed, and prices a completed run afterwards, never before it shows", async () => {
    let answer: (price: RunPrice) => void = () => undefined;
    const price = vi.fn(() => new Promise<RunPrice>((resolve) => (answer = resolve)));
    const history = openRunHistory(`priced-${crypto.randomUUID()}`);
    const manager = new RunManager({ transport: fakeTransport(), history, price, persistEveryMs: 0 });
    const id = manager.start(input);
    expect(price).not.toHaveBeenCalled();
    expect(await settled(manager, id)).toMatchObject({ status: "completed", billableUnits: "1.25", output });
    expect(manager.get(id)?.price).toBeUndefined();
    const known: RunPrice = { unitPrice: "0.00111", unit: "compute_seconds", currency: "USD", simulated: false };
    answer(known);
    await vi.waitFor(() => expect(manager.get(id)?.price).toEqual(known));
    await vi.waitFor(async () =>
      expect((await history.list())[0]).toMatchObject({ billableUnits: "1.25", price: known }),
    );
    expect(price).toHaveBeenCalledTimes(1);
  });

  it("prices no failed run, and says so when the price could not be asked for", async () => {
    const price = vi.fn(async (): Promise<RunPrice> => Promise.reject(new Error("offline")));
    const failing = fakeTransport({
      submit: vi.fn(async () => Promise.reject(new ApiError({ message: "Bad Gateway", status: 502 }))),
    });
    const failed = new RunManager({ transport: failing, price });
    expect((await settled(failed, failed.start(input)))?.status).toBe("failed");
    expect(price).not.toHaveBeenCalled();

    const manager = new RunManager({ transport: fakeTransport(), price });
    const id = manager.start(input);
    await vi.waitFor(() => expect(manager.get(id)?.price).toEqual({ unknown: "the price could not be asked for" }));
  });

  it("shows a run the queue reports as client_cancelled as cancelled, not failed", async () => {
    const transport = fakeTransport({
      follow: vi.fn(async () =>
        status("COMPLETED", { error: "Request was cancelled", error_type: "client_cancelled" }),
      ),
    });
    const manager = new RunManager({ transport });
    expect((await settled(manager, manager.start(input)))?.status).toBe("cancelled");
    expect(transport.result).not.toHaveBeenCalled();
  });

  it("treats a 499 result as cancelled", async () => {
    const transport = fakeTransport({
      result: vi.fn(async () => {
        throw new ApiError({ message: "Cancelled", status: 499, body: { detail: "Request was cancelled" } });
      }),
    });
    const manager = new RunManager({ transport });
    expect((await settled(manager, manager.start(input)))?.status).toBe("cancelled");
  });

  it("cancels through the queue and stops following", async () => {
    let aborted = false;
    const transport = fakeTransport({
      follow: vi.fn(
        (_id, { signal }) =>
          new Promise<QueueStatus>((_resolve, reject) =>
            signal.addEventListener("abort", () => {
              aborted = true;
              reject(new DOMException("Aborted", "AbortError"));
            }),
          ),
      ),
    });
    const manager = new RunManager({ transport });
    const id = manager.start(input);
    await vi.waitFor(() => expect(manager.get(id)?.requestId).toBe("req-1"));
    expect(manager.newestActive()?.id).toBe(id);
    await manager.cancel(id);
    expect(transport.cancel).toHaveBeenCalledWith("req-1");
    expect(aborted).toBe(true);
    expect(manager.get(id)?.status).toBe("cancelled");
    expect(manager.newestActive()).toBeUndefined();
  });

  it("a run cancelled before the queue answers is cancelled in the queue as soon as its id arrives", async () => {
    let accept: (value: { requestId: string; queuePosition: number }) => void = () => undefined;
    const transport = fakeTransport({
      submit: vi.fn(() => new Promise<{ requestId: string; queuePosition: number }>((resolve) => (accept = resolve))),
    });
    const manager = new RunManager({ transport });
    const id = manager.start(input);
    await manager.cancel(id);
    expect(manager.get(id)).toMatchObject({ status: "submitting", cancelRequested: true });
    accept({ requestId: "req-late", queuePosition: 0 });
    await vi.waitFor(() => expect(transport.cancel).toHaveBeenCalledWith("req-late"));
    expect(manager.get(id)).toMatchObject({ status: "cancelled", requestId: "req-late" });
    expect(transport.follow).not.toHaveBeenCalled();
  });

  it("after a 202 keeps following: the card says cancel requested, then shows the images fal went on to make", async () => {
    let finish: (status: QueueStatus) => void = () => undefined;
    const transport = fakeTransport({
      cancel: vi.fn(async (): Promise<CancelAnswer> => "requested"),
      follow: vi.fn((_id, { onStatus }) => {
        onStatus(status("IN_PROGRESS"));
        return new Promise<QueueStatus>((resolve) => (finish = resolve));
      }),
    });
    const manager = new RunManager({ transport });
    const id = manager.start(input);
    await vi.waitFor(() => expect(manager.get(id)?.status).toBe("running"));
    await manager.cancel(id);
    expect(manager.get(id)).toMatchObject({ status: "running", cancelRequested: true });
    expect(manager.newestActive()).toBeUndefined();
    finish(status("COMPLETED"));
    expect(await settled(manager, id)).toMatchObject({ status: "completed", output, cancelRequested: true });
  });

  it("says so when a cancel does not reach fal, and follows on", async () => {
    const transport = fakeTransport({
      cancel: vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
      follow: vi.fn(() => new Promise<QueueStatus>(() => undefined)),
    });
    const manager = new RunManager({ transport });
    const id = manager.start(input);
    await vi.waitFor(() => expect(manager.get(id)?.requestId).toBe("req-1"));
    await manager.cancel(id);
    expect(manager.get(id)).toMatchObject({
      status: "queued",
      cancelRequested: false,
      notice: expect.stringContaining("Cancel did not reach fal"),
    });
  });

  it("never fails or resubmits a run it lost touch with; Check again asks fal about the same request", async () => {
    const offline = vi.fn(async () => Promise.reject(new TypeError("Failed to fetch")));
    const transport = fakeTransport({ follow: offline, status: offline });
    const manager = new RunManager({ transport, reconnect: { firstDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 } });
    const id = manager.start(input);
    await vi.waitFor(() =>
      expect(manager.get(id)?.connection).toEqual({
        state: "lost",
        reason: expect.stringContaining("Failed to fetch"),
      }),
    );
    expect(manager.get(id)?.status).toBe("queued");
    manager.retry(id);
    expect(transport.submit).toHaveBeenCalledTimes(1);

    transport.status = vi.fn(async () => status("COMPLETED"));
    manager.checkAgain(id);
    expect(await settled(manager, id)).toMatchObject({ status: "completed", output, connection: undefined });
    expect(transport.submit).toHaveBeenCalledTimes(1);
  });

  it("picks a lost run up again when fal answers its cancel with a 202", async () => {
    const offline = vi.fn(async () => Promise.reject(new TypeError("Failed to fetch")));
    const transport = fakeTransport({
      follow: offline,
      status: offline,
      cancel: vi.fn(async (): Promise<CancelAnswer> => "requested"),
    });
    const manager = new RunManager({ transport, reconnect: { firstDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 } });
    const id = manager.start(input);
    await vi.waitFor(() => expect(manager.get(id)?.connection?.state).toBe("lost"));
    transport.status = vi.fn(async () => status("COMPLETED"));
    await manager.cancel(id);
    expect(await settled(manager, id)).toMatchObject({
      status: "completed",
      cancelRequested: true,
      connection: undefined,
    });
  });

  it("sends a refused input's field errors to the form and keeps the input", async () => {
    const refusal = new ValidationError({
      message: "Unprocessable Entity",
      status: 422,
      body: { detail: [{ loc: ["body", "loras", 0, "path"], msg: "LoRA path is required.", type: "missing" }] },
    });
    const manager = new RunManager({
      transport: fakeTransport({ submit: vi.fn(async () => Promise.reject(refusal)) }),
    });
    const fieldErrors = vi.fn();
    manager.onFieldErrors(fieldErrors);
    const run = await settled(manager, manager.start(input));
    expect(run).toMatchObject({
      status: "failed",
      input,
      error: { kind: "validation", retryable: false, message: "LoRA 1: LoRA path is required." },
    });
    expect(fieldErrors).toHaveBeenCalledWith([{ field: "loras.0.path", message: "LoRA path is required." }]);
  });

  it("retries an API failure with the same input on the same card", async () => {
    const submit = vi
      .fn<RunTransport["submit"]>()
      .mockRejectedValueOnce(
        new ApiError({ message: "Internal Server Error", status: 500, body: { detail: "The runner crashed" } }),
      )
      .mockResolvedValue({ requestId: "req-1" });
    const manager = new RunManager({ transport: fakeTransport({ submit }) });
    const id = manager.start(input);
    expect(await settled(manager, id)).toMatchObject({
      status: "failed",
      error: { kind: "api", message: "The runner crashed", retryable: true },
    });
    const sent = manager.get(id)?.input;
    manager.retry(id);
    expect((await settled(manager, id))?.status).toBe("completed");
    expect(submit).toHaveBeenLastCalledWith(sent, expect.any(AbortSignal));
    expect(submit.mock.calls[0]?.[0]).toEqual(sent);
    expect(manager.snapshot().runs).toHaveLength(1);
  });

  it("startQueued says when the queue took the run, which then goes on as any run", async () => {
    let accept: (value: { requestId: string; queuePosition: number }) => void = () => undefined;
    const transport = fakeTransport({
      submit: vi.fn(() => new Promise<{ requestId: string; queuePosition: number }>((resolve) => (accept = resolve))),
    });
    const manager = new RunManager({ transport });
    const counted = vi.fn();
    manager.onSubmit(counted);
    const { id, queued } = manager.startQueued(input);
    const answered = vi.fn();
    void queued.then(answered);
    await Promise.resolve();
    expect(answered).not.toHaveBeenCalled();
    expect(manager.get(id)).toMatchObject({ status: "submitting", input: { seed: expect.any(Number) } });
    accept({ requestId: "req-1", queuePosition: 3 });
    await queued;
    expect(counted).toHaveBeenCalledWith(id);
    expect(manager.get(id)?.requestId).toBe("req-1");
    expect(await settled(manager, id)).toMatchObject({ status: "completed", output });
  });

  it("keeps when the proxy answered each submit, not when the run started, for pacing", async () => {
    vi.useFakeTimers({ now: 10_000, toFake: ["Date"] });
    try {
      let accept: (value: { requestId: string }) => void = () => undefined;
      const manager = new RunManager({
        transport: fakeTransport({
          submit: vi.fn(() => new Promise<{ requestId: string }>((resolve) => (accept = resolve))),
        }),
      });
      const id = manager.start(input);
      expect(manager.submittedSince(0)).toEqual([]);
      vi.setSystemTime(12_500);
      accept({ requestId: "req-1" });
      await vi.waitFor(() => expect(manager.submittedSince(0)).toHaveLength(1));
      expect(manager.get(id)?.startedAt).toBe(10_000);
      expect(manager.submittedSince(12_499)).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("startQueued withdraws a run the proxy's limit refused (429) and hands over its Retry-After; start fails it with the proxy's words", async () => {
    const refusal = () => new RateLimitedError(41_000, "Too many runs started; try again in 41 s.");
    const history = openRunHistory(`runs-${crypto.randomUUID()}`);
    const manager = new RunManager({
      transport: fakeTransport({ submit: vi.fn(async () => Promise.reject(refusal())) }),
      history,
    });
    await manager.load();
    const counted = vi.fn();
    manager.onSubmit(counted);

    const { id, queued } = manager.startQueued(input);
    await expect(queued).rejects.toMatchObject({ name: "RateLimitedError", retryAfterMs: 41_000 });
    expect(manager.get(id)).toBeUndefined();
    await vi.waitFor(async () => expect(await history.list()).toEqual([]));

    const own = await settled(manager, manager.start(input));
    expect(own).toMatchObject({
      status: "failed",
      error: { kind: "api", message: "Too many runs started; try again in 41 s.", retryable: true },
    });
    expect(counted).not.toHaveBeenCalled();
  });

  it("startQueued answers a run refused for another reason: it fails on its card and counts as submitted", async () => {
    const refusal = new ApiError({ message: "Bad Gateway", status: 502, body: { detail: "upstream down" } });
    const manager = new RunManager({
      transport: fakeTransport({ submit: vi.fn(async () => Promise.reject(refusal)) }),
    });
    const counted = vi.fn();
    manager.onSubmit(counted);
    const { id, queued } = manager.startQueued(input);
    await queued;
    expect(manager.get(id)).toMatchObject({ status: "failed", error: { message: "upstream down" } });
    expect(counted).toHaveBeenCalledWith(id);
  });

  it("stores runs in history and resumes an in-flight one by request id after a reload", async () => {
    const history = openRunHistory(`runs-${crypto.randomUUID()}`);
    const first = new RunManager({
      transport: fakeTransport({ follow: vi.fn(() => new Promise<QueueStatus>(() => undefined)) }),
      history,
    });
    await first.load();
    const id = first.start(input);
    await vi.waitFor(async () =>
      expect((await history.list())[0]).toMatchObject({
        id,
        requestId: "req-1",
        status: "queued",
        input: { seed: expect.any(Number) },
      }),
    );

    const transport = fakeTransport({
      status: vi.fn(async () => status("COMPLETED", { metrics: { inference_time: 2 } })),
    });
    const reloaded = new RunManager({ transport, history });
    await reloaded.load();
    expect(await settled(reloaded, id)).toMatchObject({ status: "completed", output, inferenceTime: 2 });
    expect(transport.status).toHaveBeenCalled();
    expect(transport.submit).not.toHaveBeenCalled();
    expect(transport.follow).not.toHaveBeenCalled();
    expect(transport.result).toHaveBeenCalledWith("req-1", expect.any(AbortSignal));
    await vi.waitFor(async () => expect((await history.list())[0]?.status).toBe("completed"));
  });

  it("marks a run that never reached the queue as failed with Retry on reload", async () => {
    const history = openRunHistory(`runs-${crypto.randomUUID()}`);
    await history.put({ id: "lost", input, status: "submitting", logs: [], startedAt: 1 });
    const manager = new RunManager({ transport: fakeTransport(), history });
    await manager.load();
    expect(manager.get("lost")).toMatchObject({ status: "failed", error: { retryable: true } });
  });

  it("deletes one run and clears the finished ones from history", async () => {
    const history = openRunHistory(`runs-${crypto.randomUUID()}`);
    const manager = new RunManager({ transport: fakeTransport(), history });
    await manager.load();
    const a = manager.start(input);
    const b = manager.start({ ...input, prompt: "second" });
    await settled(manager, a);
    await settled(manager, b);
    await manager.remove(a);
    expect(manager.snapshot().runs.map((run) => run.id)).toEqual([b]);
    await manager.clearFinished();
    expect(manager.snapshot().runs).toEqual([]);
    expect(await history.list()).toEqual([]);
  });
});

describe("RunManager without working storage", () => {
  const refusing = (error: Error) => ({
    list: vi.fn(async () => Promise.reject(error)),
    put: vi.fn(async () => Promise.reject(error)),
    remove: vi.fn(async () => Promise.reject(error)),
    removeMany: vi.fn(async () => Promise.reject(error)),
  });

  it("says runs are not being kept, and why, when history cannot be opened, and runs still work", async () => {
    const manager = new RunManager({
      transport: fakeTransport(),
      history: refusing(new DOMException("The operation is insecure.", "SecurityError")),
    });
    await manager.load();
    expect(manager.snapshot()).toMatchObject({ loaded: true, runs: [] });
    expect(manager.snapshot().historyProblem).toBe(
      "Runs are not being kept: this browser does not let the page store data (private browsing, or site data blocked in its settings). They stay on this page until it is closed.",
    );
    const id = manager.start(input);
    expect(await settled(manager, id)).toMatchObject({ status: "completed", output });
  });

  it("says so when a write is refused because storage is full", async () => {
    const history = {
      ...openRunHistory(`history-${crypto.randomUUID()}`),
      put: vi.fn(async () => Promise.reject(new DOMException("full", "QuotaExceededError"))),
    };
    const manager = new RunManager({ transport: fakeTransport(), history });
    await manager.load();
    expect(manager.snapshot().historyProblem).toBeUndefined();
    await settled(manager, manager.start(input));
    expect(manager.snapshot().historyProblem).toMatch(
      /^Runs are not being kept: this browser's storage for the page is full\./,
    );
  });
});
