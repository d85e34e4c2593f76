import { describe, expect, it, vi } from "vitest";
import { sleep, untilAborted } from "./sleep";

describe("sleep", () => {
  it("waits, and removes its abort listener when the time is up", async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    for (let turn = 0; turn < 3; turn++) await sleep(1, controller.signal);
    expect(remove).toHaveBeenCalledTimes(3);
  });

  it("resolves at once when the signal aborts, or has already", async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(sleep(60_000, controller.signal)).resolves.toBeUndefined();
  });
});

describe("untilAborted", () => {
  it("resolves when the signal aborts, and at once when it already has", async () => {
    const controller = new AbortController();
    const waiting = untilAborted(controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(untilAborted(controller.signal)).resolves.toBeUndefined();
  });
});
