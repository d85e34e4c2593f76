import {
  defaultRequestOptions,
  FILE_LIFETIME_CHOICES,
  type FileLifetime,
  type FixedRequestOptions,
  QUEUE_PRIORITIES,
  type QueuePriority,
  type RequestOptions,
  START_TIMEOUT_LIMITS,
  withFixed,
} from "@/lib/fal/request-options";
import { isRecord } from "@/lib/json/is-record";

/*
 * fal's request options as this browser keeps them (localStorage), apart from the model's input:
 * links and presets never carry them. What the page reads back is checked field by field; a value
 * that no longer fits falls back to its default.
 */

export const REQUEST_OPTIONS_STORAGE_KEY = "fal-lora-playground:request-options:v1";

type OptionsStorage = Pick<Storage, "getItem" | "setItem">;

function startTimeout(value: unknown): number | undefined {
  return typeof value === "number" && value > START_TIMEOUT_LIMITS.above && value <= START_TIMEOUT_LIMITS.max
    ? value
    : undefined;
}

/** Stored options, each field checked; anything unreadable is its default. */
export function readStoredOptions(storage: OptionsStorage | undefined): RequestOptions {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(REQUEST_OPTIONS_STORAGE_KEY) ?? "null");
  } catch {
    return defaultRequestOptions;
  }
  if (!isRecord(stored)) return defaultRequestOptions;
  const seconds = startTimeout(stored.startTimeoutSeconds);
  return {
    ...(seconds !== undefined && { startTimeoutSeconds: seconds }),
    priority: QUEUE_PRIORITIES.includes(stored.priority as QueuePriority)
      ? (stored.priority as QueuePriority)
      : defaultRequestOptions.priority,
    storeIo: typeof stored.storeIo === "boolean" ? stored.storeIo : defaultRequestOptions.storeIo,
    fileLifetime: FILE_LIFETIME_CHOICES.includes(stored.fileLifetime as FileLifetime)
      ? (stored.fileLifetime as FileLifetime)
      : defaultRequestOptions.fileLifetime,
  };
}

/** The operator's fixed options as the server tells the page, undefined when any field given is wrong. */
export function readFixedOptions(value: unknown): FixedRequestOptions | undefined {
  if (!isRecord(value)) return undefined;
  const { startTimeoutSeconds, priority, storeIo, fileLifetime, ...other } = value;
  if (Object.keys(other).length > 0) return undefined;
  const fixed: FixedRequestOptions = {};
  if (startTimeoutSeconds !== undefined) {
    const seconds = startTimeout(startTimeoutSeconds);
    if (seconds === undefined) return undefined;
    fixed.startTimeoutSeconds = seconds;
  }
  if (priority !== undefined) {
    if (!QUEUE_PRIORITIES.includes(priority as QueuePriority)) return undefined;
    fixed.priority = priority as QueuePriority;
  }
  if (storeIo !== undefined) {
    if (typeof storeIo !== "boolean") return undefined;
    fixed.storeIo = storeIo;
  }
  if (fileLifetime !== undefined) {
    if (!FILE_LIFETIME_CHOICES.includes(fileLifetime as FileLifetime)) return undefined;
    fixed.fileLifetime = fileLifetime as FileLifetime;
  }
  return fixed;
}

function browserStorage(): OptionsStorage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

let chosen: RequestOptions | undefined;
let fixed: FixedRequestOptions = {};
const listeners = new Set<() => void>();

/** The visitor's own choices, and the operator's fixed options the page was told. */
export const requestOptionsStore = {
  chosen(): RequestOptions {
    chosen ??= readStoredOptions(browserStorage());
    return chosen;
  },
  /** What runs and uploads go out with: the fixed options over the visitor's. */
  effective(): RequestOptions {
    return withFixed(requestOptionsStore.chosen(), fixed);
  },
  update(patch: Partial<RequestOptions>): void {
    const next: RequestOptions = { ...requestOptionsStore.chosen(), ...patch };
    if (patch.startTimeoutSeconds === undefined && "startTimeoutSeconds" in patch) delete next.startTimeoutSeconds;
    chosen = next;
    try {
      browserStorage()?.setItem(REQUEST_OPTIONS_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Kept for this page only when the browser refuses storage.
    }
    listeners.forEach((listener) => listener());
  },
  setFixed(options: FixedRequestOptions): void {
    fixed = options;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
