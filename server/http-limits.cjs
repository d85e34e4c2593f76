// Preloaded into the server process (`npm run start`, or `NODE_OPTIONS="--require ./server/http-limits.cjs" next start`):
// `next start` has no option for request and header timeouts, so every HTTP server this process
// creates gets them here. A client that never finishes its headers or its body is cut off.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded by node --require */
const http = require("node:http");
const https = require("node:https");

const HTTP_LIMITS = {
  /** The whole request, headers and body, within this: a 25 MiB upload at 2 Mbit/s still fits. */
  requestTimeout: 120_000,
  /** The headers within this (slow-loris). */
  headersTimeout: 15_000,
  /** How often Node checks both. */
  connectionsCheckingInterval: 2_000,
};

// Route handlers see no socket, so the address a request came from travels in a header set here on
// every request, replacing any the client sent (lib/security/client-key.ts reads it, by these names).
const PEER_ADDRESS_HEADER = "x-playground-peer-address";
globalThis[Symbol.for("fal-lora-playground.peer-address")] = true;

function passOnPeerAddress(request) {
  const address = request.socket && request.socket.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = address;
  else delete request.headers[PEER_ADDRESS_HEADER];
}

for (const transport of [http, https]) {
  const createServer = transport.createServer;
  transport.createServer = function createServerWithLimits(options, listener) {
    const server =
      typeof options === "function" || options === undefined
        ? createServer.call(transport, { ...HTTP_LIMITS }, options)
        : createServer.call(transport, { ...HTTP_LIMITS, ...options }, listener);
    server.prependListener("request", passOnPeerAddress);
    return server;
  };
}

module.exports = { HTTP_LIMITS, PEER_ADDRESS_HEADER };
