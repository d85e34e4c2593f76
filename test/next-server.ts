import { type ChildProcess, spawn } from "node:child_process";

export type ServerOptions = {
  /** The Next app's folder; the playground itself by default. */
  dir?: string;
  /** Answers 200 once the server is up. */
  readyPath?: string;
};

/**
 * Starts a production build on loopback as `npm run start` does (with the request and header
 * timeouts of server/http-limits.cjs), in simulator mode unless `env` says otherwise, and waits until it answers.
 */
export async function startServer(
  port: number,
  env: Record<string, string> = {},
  { dir, readyPath = "/api/health" }: ServerOptions = {},
): Promise<ChildProcess> {
  if (await answers(port, readyPath)) {
    throw new Error(
      `Something already answers on port ${port}: stop that server first, or the tests would talk to it.`,
    );
  }
  const server = spawn("npm", ["run", "start", "--", ...(dir ? [dir] : []), "-p", String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FAL_MODE: "simulator", FAL_KEY: "", ...env },
    stdio: "ignore",
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await answers(port, readyPath)) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stopServer(server);
  throw new Error(`The server did not start on port ${port}`);
}

async function answers(port: number, path: string): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}${path}`)).ok;
  } catch {
    return false;
  }
}

export function stopServer(server: ChildProcess): void {
  if (server.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}
