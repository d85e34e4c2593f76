import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, stopRedis } from "@/test/redis-server";
import { createSubmitLimiter } from "./rate-limit";

// A real Redis (Debian's redis-server), on a port in this run's block.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 71;
let redis: ChildProcess;

beforeAll(async () => {
  redis = await startRedis(PORT);
});
afterAll(async () => {
  await stopRedis(redis);
});

describe("the rate limit on a real Redis", () => {
  it("shares one budget between limiters (as between instances), and keeps answering when Redis goes away", async () => {
    const redisUrl = `redis://127.0.0.1:${PORT}`;
    const name = `test-${Date.now()}`;
    const [first, second] = [1, 2].map(() => createSubmitLimiter({ pointsPerMinute: 3, redisUrl, name }));
    if (!first || !second) throw new Error("two limiters expected");
    const answers = [];
    for (const limiter of [first, second, first, second]) answers.push((await limiter.consume("visitor")).ok);
    expect(answers).toEqual([true, true, true, false]);
    expect((await second.consume("someone-else")).ok).toBe(true);

    await stopRedis(redis);
    // The in-memory insurance limiter answers now: never an error, and its own budget of the same size.
    const afterRedis = [];
    for (let attempt = 0; attempt < 4; attempt++) afterRedis.push((await first.consume("visitor-after")).ok);
    expect(afterRedis).toEqual([true, true, true, false]);
  });
});
