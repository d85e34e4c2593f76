import { isActive, type Run } from "@/lib/runs/run-state";
import { messageOf } from "@/lib/errors/message-of";
import { openDatabase, requested, written } from "./indexed-db";

const DATABASE_NAME = "fal-lora-playground";
const DATABASE_VERSION = 1;
/** One store of runs by id, with an index by start time. */
const RUNS = "runs";

/** Every run this browser started: input, request id, status, logs, output, error, timestamps. */
export type RunHistory = {
  /** Newest first; records that no longer parse are left out. */
  list(): Promise<Run[]>;
  put(run: Run): Promise<void>;
  remove(id: string): Promise<void>;
  removeMany(ids: readonly string[]): Promise<void>;
};

/** History keeps this many runs; the oldest finished ones go first when a page opens. */
export const MAX_HISTORY_RUNS = 500;

function why(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "QuotaExceededError") return "this browser's storage for the page is full";
  if (name === "SecurityError" || name === "InvalidStateError") {
    return "this browser does not let the page store data (private browsing, or site data blocked in its settings)";
  }
  if (name === "VersionError") return "another tab holds a newer version of the history; reload this one";
  return messageOf(error, "this browser's storage refused it");
}

/** Says, in the page's words, that runs are not being kept and why. */
export function historyProblem(error: unknown): string {
  return `Runs are not being kept: ${why(error)}. They stay on this page until it is closed.`;
}

export function openRunHistory(databaseName = DATABASE_NAME, maxRuns = MAX_HISTORY_RUNS): RunHistory {
  let database: Promise<IDBDatabase> | undefined;
  const db = () =>
    (database ??= openDatabase(databaseName, DATABASE_VERSION, (upgrading) => {
      upgrading.createObjectStore(RUNS, { keyPath: "id" }).createIndex("startedAt", "startedAt");
    }));

  return {
    async list() {
      const byStart = (await db()).transaction(RUNS).objectStore(RUNS).index("startedAt");
      const records: unknown[] = await requested(byStart.getAll());
      if (records.length === 0) return [];
      // The record reader (with zod) loads only when there are records to read.
      const { toStoredRun } = await import("./stored-run");
      const runs = records.flatMap((record) => toStoredRun(record) ?? []);
      const excess = runs.length - maxRuns;
      if (excess <= 0) return runs.reverse();
      const oldest = runs
        .filter((run) => !isActive(run))
        .slice(0, excess)
        .map((run) => run.id);
      await this.removeMany(oldest);
      const dropped = new Set(oldest);
      return runs.filter((run) => !dropped.has(run.id)).reverse();
    },
    async put(run) {
      await written(await db(), RUNS, (store) => void store.put(run));
    },
    async remove(id) {
      await written(await db(), RUNS, (store) => void store.delete(id));
    },
    async removeMany(ids) {
      await written(await db(), RUNS, (store) => ids.forEach((id) => store.delete(id)));
    },
  };
}
