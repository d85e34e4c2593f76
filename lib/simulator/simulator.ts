import "server-only";
import { serverEnv, SIMULATOR_DEFAULTS } from "@/lib/env";
import { type GuardedFetch, serverPublicFetch } from "@/lib/http/public-fetch";
import { FaultInjector, parseFaults, type FaultPlan } from "./faults";
import { FileStore } from "./file-store";
import { newHopSecret, simulatorHopSecret } from "./hop-secret";
import { createImageLoader } from "./image-loader";
import { type Renderer, RunQueue } from "./queue";
import { renderImages } from "./render";
import { UploadBudget } from "./upload-budget";
import { deliverWebhook } from "./webhook";

export type SimulatorOptions = {
  concurrency?: number;
  stepMs?: number;
  /** Lifetime of finished runs and stored files. */
  ttlMs?: number;
  maxStoreBytes?: number;
  maxUploadBytes?: number;
  /** Bytes of uploads in flight at once, across every client. */
  maxUploadBytesInFlight?: number;
  /** An upload that sends nothing for this long is dropped. */
  uploadIdleMs?: number;
  renderer?: Renderer;
  /** Used for webhooks and for downloading input images: the public-fetch guard, or a test's stand-in. */
  fetch?: GuardedFetch;
  webhookRetryDelaysMs?: number[];
  /** Interval of the keep-alive comment on status streams. */
  pingMs?: number;
  /** Simulated faults; off unless a plan is given or the test-only header is allowed. */
  faults?: FaultInjector;
  /** What the queue and storage routes require as `Key <secret>`; a fresh one per simulator by default. */
  hopSecret?: string;
  /** Test hooks only: also answer any fal-shaped key, so another test server can use this one as its fal. */
  acceptFalKeys?: boolean;
  /** Believe X-Forwarded-Host/-Proto for the URLs handed out (TRUST_PROXY=1). */
  trustProxy?: boolean;
};

export type Simulator = {
  queue: RunQueue;
  files: FileStore;
  uploadsInFlight: UploadBudget;
  uploadIdleMs: number;
  pingMs: number;
  /** How long one inference step takes; the stand-in estimate of a run follows it. */
  stepMs: number;
  faults: FaultInjector;
  hopSecret: string;
  acceptFalKeys: boolean;
  trustProxy: boolean;
  dispose: () => void;
};

/** Far more than a few people uploading at once need; twenty stalled 25 MiB uploads would hold 500. */
const DEFAULT_UPLOADS_IN_FLIGHT_BYTES = 128 * 1024 * 1024;
/** A browser on a slow line still sends a piece every second or so; 15 s of silence is a stalled upload. */
const DEFAULT_UPLOAD_IDLE_MS = 15_000;

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const ttlMs = options.ttlMs ?? SIMULATOR_DEFAULTS.ttlSeconds * 1000;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const stepMs = options.stepMs ?? SIMULATOR_DEFAULTS.stepMs;
  const files = new FileStore({
    ttlMs,
    maxBytes: options.maxStoreBytes ?? SIMULATOR_DEFAULTS.maxStoreBytes,
    maxUploadBytes: options.maxUploadBytes,
  });
  const queue = new RunQueue({
    files,
    render: options.renderer ?? renderImages,
    loadImage: createImageLoader({ files, fetch: fetchImpl }),
    notifyWebhook: (url, body) =>
      deliverWebhook(url, body, { fetch: fetchImpl, retryDelaysMs: options.webhookRetryDelaysMs }),
    concurrency: options.concurrency ?? SIMULATOR_DEFAULTS.concurrency,
    stepMs,
    ttlMs,
  });
  return {
    queue,
    files,
    uploadsInFlight: new UploadBudget(options.maxUploadBytesInFlight ?? DEFAULT_UPLOADS_IN_FLIGHT_BYTES),
    uploadIdleMs: options.uploadIdleMs ?? DEFAULT_UPLOAD_IDLE_MS,
    pingMs: options.pingMs ?? 15_000,
    stepMs,
    faults: options.faults ?? new FaultInjector({ allowHeader: false }),
    hopSecret: options.hopSecret ?? newHopSecret(),
    acceptFalKeys: options.acceptFalKeys ?? false,
    trustProxy: options.trustProxy ?? false,
    dispose: () => {
      queue.dispose();
      files.dispose();
    },
  };
}

function envFaultPlan(spec: string | undefined): FaultPlan | undefined {
  if (!spec) return undefined;
  const plan = parseFaults(spec);
  if (!plan)
    throw new Error(
      `Invalid environment: SIMULATOR_FAULTS "${spec}" is not a fault list (see lib/simulator/faults.ts)`,
    );
  return plan;
}

// Kept on globalThis: Next dev may evaluate route modules more than once, and runs must survive that.
const holder = globalThis as typeof globalThis & { __falLoraPlaygroundSimulator?: Simulator };

/** The app's one simulator, configured from the environment. */
export function getSimulator(): Simulator {
  if (!holder.__falLoraPlaygroundSimulator) {
    const env = serverEnv();
    holder.__falLoraPlaygroundSimulator = createSimulator({
      concurrency: env.SIMULATOR_CONCURRENCY,
      stepMs: env.SIMULATOR_STEP_MS,
      ttlMs: env.SIMULATOR_TTL_SECONDS * 1000,
      maxStoreBytes: env.SIMULATOR_MAX_STORE_BYTES,
      faults: new FaultInjector({ plan: envFaultPlan(env.SIMULATOR_FAULTS), allowHeader: env.PLAYGROUND_TEST_HOOKS }),
      hopSecret: simulatorHopSecret(),
      acceptFalKeys: env.PLAYGROUND_TEST_HOOKS,
      trustProxy: env.TRUST_PROXY,
      // fal itself cannot reach private addresses either; tests and local webhooks opt in (ALLOW_PRIVATE_URLS).
      fetch: serverPublicFetch(),
    });
  }
  return holder.__falLoraPlaygroundSimulator;
}
