import { createRequire } from "node:module";
import http from "node:http";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { HTTP_LIMITS } = require("../server/http-limits.cjs") as { HTTP_LIMITS: Record<string, number> };

describe("server/http-limits.cjs", () => {
  it("gives every HTTP server the process creates request and header timeouts, as next start does not", () => {
    const plain = http.createServer(() => undefined);
    const withOptions = http.createServer({ keepAlive: true }, () => undefined);
    for (const server of [plain, withOptions]) {
      expect(server.requestTimeout).toBe(HTTP_LIMITS.requestTimeout);
      expect(server.headersTimeout).toBe(HTTP_LIMITS.headersTimeout);
      expect(server.headersTimeout).toBeLessThan(server.requestTimeout);
    }
    expect(http.createServer({ requestTimeout: 5_000, headersTimeout: 1_000 }).requestTimeout).toBe(5_000);
  });
});
