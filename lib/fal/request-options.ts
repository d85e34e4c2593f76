/**
 * fal's request options (docs/fal.md#request-options): platform headers that shape how fal handles
 * a request, not the model's input. They are kept in the browser, never in links or presets; the
 * proxy forwards exactly these, checked, and the simulator honours them. Zod-free: the form paints
 * the Request group before the schema loads.
 */

export const QUEUE_PRIORITIES = ["normal", "low"] as const;
export type QueuePriority = (typeof QUEUE_PRIORITIES)[number];

/** How long fal keeps uploaded and generated files, as the form offers it; "default" is the account's own. */
export const FILE_LIFETIMES = { "1h": 3600, "1d": 86_400, "7d": 604_800, "30d": 2_592_000 } as const;
export type FileLifetime = keyof typeof FILE_LIFETIMES | "default";
export const FILE_LIFETIME_CHOICES: readonly FileLifetime[] = ["default", "1h", "1d", "7d", "30d"];

export const fileLifetimeLabels: Record<FileLifetime, string> = {
  default: "The account's default",
  "1h": "1 hour",
  "1d": "1 day",
  "7d": "7 days",
  "30d": "30 days",
};

export type RequestOptions = {
  /** Seconds fal waits for a runner to start before giving up (504); none by default. */
  startTimeoutSeconds?: number;
  priority: QueuePriority;
  /** False keeps this run's inputs and outputs off fal's request history. */
  storeIo: boolean;
  fileLifetime: FileLifetime;
};

export const defaultRequestOptions: RequestOptions = { priority: "normal", storeIo: true, fileLifetime: "default" };

/** Options the server's operator fixed for every visitor (`FAL_*` environment variables). */
export type FixedRequestOptions = Partial<RequestOptions>;

export const REQUEST_HEADERS = {
  startTimeout: "x-fal-request-timeout",
  priority: "x-fal-queue-priority",
  storeIo: "x-fal-store-io",
  /** On the submit: how long the run's results are kept. */
  resultLifecycle: "x-fal-object-lifecycle-preference",
  /** On the storage initiate: how long the upload is kept. */
  uploadLifecycle: "x-fal-object-lifecycle",
} as const;
export type RequestHeader = (typeof REQUEST_HEADERS)[keyof typeof REQUEST_HEADERS];

/** The headers as fal's docs write them, for messages. */
const HEADER_NAMES: Record<RequestHeader, string> = {
  "x-fal-request-timeout": "X-Fal-Request-Timeout",
  "x-fal-queue-priority": "X-Fal-Queue-Priority",
  "x-fal-store-io": "X-Fal-Store-IO",
  "x-fal-object-lifecycle-preference": "X-Fal-Object-Lifecycle-Preference",
  "x-fal-object-lifecycle": "X-Fal-Object-Lifecycle",
};

/** fal-js refuses start timeouts of 1 s or less (`MIN_REQUEST_TIMEOUT_SECONDS`); a day is beyond any queue wait. */
export const START_TIMEOUT_LIMITS = { above: 1, max: 86_400 } as const;
/** Longest file lifetime taken, in seconds: a year. */
const MAX_LIFETIME_SECONDS = 31_536_000;

export const requestOptionLabels = {
  startTimeoutSeconds: "Start timeout",
  priority: "Queue priority",
  storeIo: "Keep my inputs and outputs off fal's request history",
  fileLifetime: "Keep files for",
} as const;

/** The lifecycle header's value: `{"expiration_duration_seconds": N}`, as fal-js writes it. */
export function lifecycleValue(seconds: number): string {
  return JSON.stringify({ expiration_duration_seconds: seconds });
}

/** The options with the operator's fixed ones over the visitor's. */
export function withFixed(options: RequestOptions, fixed: FixedRequestOptions): RequestOptions {
  return { ...options, ...fixed };
}

export type HeaderReading = { ok: true; value: string } | { ok: false; message: string };

function positiveSeconds(text: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const seconds = Number(text);
  return Number.isFinite(seconds) ? seconds : undefined;
}

function readLifecycle(name: string, text: string): HeaderReading {
  const refused: HeaderReading = {
    ok: false,
    message: `${name} must be {"expiration_duration_seconds": N}, N whole seconds from 1 to ${MAX_LIFETIME_SECONDS}.`,
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refused;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return refused;
  const keys = Object.keys(parsed);
  const seconds = (parsed as { expiration_duration_seconds?: unknown }).expiration_duration_seconds;
  if (keys.length !== 1 || typeof seconds !== "number" || !Number.isInteger(seconds)) return refused;
  if (seconds < 1 || seconds > MAX_LIFETIME_SECONDS) return refused;
  return { ok: true, value: lifecycleValue(seconds) };
}

/**
 * Checks one request option header as a browser sent it, and gives the value to forward. The
 * message names the header and what it takes.
 */
export function readRequestHeader(header: RequestHeader, raw: string): HeaderReading {
  const text = raw.trim();
  const name = HEADER_NAMES[header];
  switch (header) {
    case REQUEST_HEADERS.startTimeout: {
      const seconds = positiveSeconds(text);
      return seconds !== undefined && seconds > START_TIMEOUT_LIMITS.above && seconds <= START_TIMEOUT_LIMITS.max
        ? { ok: true, value: String(seconds) }
        : {
            ok: false,
            message: `${name} must be a number of seconds above ${START_TIMEOUT_LIMITS.above} and at most ${START_TIMEOUT_LIMITS.max}.`,
          };
    }
    case REQUEST_HEADERS.priority:
      return (QUEUE_PRIORITIES as readonly string[]).includes(text)
        ? { ok: true, value: text }
        : { ok: false, message: `${name} must be "normal" or "low".` };
    case REQUEST_HEADERS.storeIo:
      return text === "0" || text === "1"
        ? { ok: true, value: text }
        : { ok: false, message: `${name} must be 0 or 1.` };
    default:
      return readLifecycle(name, text);
  }
}

/** The seconds a lifecycle header asks files to be kept, or undefined when it asks nothing readable. */
export function lifecycleSeconds(raw: string | null): number | undefined {
  if (raw === null) return undefined;
  const reading = readLifecycle("", raw);
  return reading.ok
    ? (JSON.parse(reading.value) as { expiration_duration_seconds: number }).expiration_duration_seconds
    : undefined;
}
