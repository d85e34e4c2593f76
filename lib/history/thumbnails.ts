import { type DBSchema, type IDBPDatabase, openDB } from "idb";

/** A small copy of one result image, kept so history stays browsable after the remote file expired. */
export type Thumbnail = { runId: string; index: number; bytes: ArrayBuffer; type: string };

interface ThumbnailSchema extends DBSchema {
  thumbnails: { key: string; value: Thumbnail };
}

export type ThumbnailStore = {
  get(runId: string, index: number): Promise<Thumbnail | undefined>;
  has(runId: string): Promise<boolean>;
  put(thumbnails: readonly Thumbnail[]): Promise<void>;
  /** Deletes the thumbnails of every run not in `runIds` (deleted, or dropped by history's cap). */
  keepOnly(runIds: ReadonlySet<string>): Promise<void>;
};

const thumbnailKey = (runId: string, index: number) => `${runId}/${index}`;
const runIdOf = (key: string) => key.slice(0, key.lastIndexOf("/"));

/**
 * Its own database beside the run history's, so thumbnails can be added, lost or cleared without
 * touching the runs themselves.
 */
export function openThumbnailStore(databaseName = "fal-lora-playground-thumbnails"): ThumbnailStore {
  let database: Promise<IDBPDatabase<ThumbnailSchema>> | undefined;
  const db = () =>
    (database ??= openDB<ThumbnailSchema>(databaseName, 1, {
      upgrade(upgrading) {
        upgrading.createObjectStore("thumbnails");
      },
    }));

  return {
    async get(runId, index) {
      return (await db()).get("thumbnails", thumbnailKey(runId, index));
    },
    async has(runId) {
      return (await (await db()).getKey("thumbnails", thumbnailKey(runId, 0))) !== undefined;
    },
    async put(thumbnails) {
      const transaction = (await db()).transaction("thumbnails", "readwrite");
      await Promise.all([
        ...thumbnails.map((thumbnail) =>
          transaction.store.put(thumbnail, thumbnailKey(thumbnail.runId, thumbnail.index)),
        ),
        transaction.done,
      ]);
    },
    async keepOnly(runIds) {
      const transaction = (await db()).transaction("thumbnails", "readwrite");
      const keys = await transaction.store.getAllKeys();
      await Promise.all([
        ...keys.filter((key) => !runIds.has(runIdOf(key))).map((key) => transaction.store.delete(key)),
        transaction.done,
      ]);
    },
  };
}

let browserStore: ThumbnailStore | undefined;

/** The page's one store. */
export function thumbnailStore(): ThumbnailStore {
  browserStore ??= openThumbnailStore();
  return browserStore;
}
