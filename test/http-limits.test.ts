import { createRequire } from "node:module";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientKey, PEER_ADDRESS_HEADER, PEER_ADDRESS_MARK } from "@/lib/security/client-key";

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

describe("the peer address the preload passes on", () => {
  it("replaces whatever the client wrote in the header with the connection's own address", async () => {
    const { PEER_ADDRESS_HEADER: header } = require("../server/http-limits.cjs") as { PEER_ADDRESS_HEADER: string };
    expect(header).toBe(PEER_ADDRESS_HEADER);
    expect((globalThis as Record<symbol, unknown>)[PEER_ADDRESS_MARK]).toBe(true);
    const server = http.createServer((request, response) => response.end(String(request.headers[header])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const seen = await new Promise<string>((resolve, reject) => {
        const request = http.get(
          { host: "127.0.0.1", port, localAddress: "127.0.0.7", headers: { [header]: "6.6.6.6" } },
          (response) => {
            let body = "";
            response.on("data", (chunk: Buffer) => (body += chunk.toString()));
            response.on("end", () => resolve(body));
          },
        );
        request.on("error", reject);
      });
      expect(seen).toBe("127.0.0.7");
      expect(clientKey(new Headers({ [header]: seen }), false)).toBe("127.0.0.7");
    } finally {
      server.close();
    }
  });
});
