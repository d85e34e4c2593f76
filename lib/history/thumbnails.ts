import { openDatabase, requested, written } from "./indexed-db";

/** A small copy of one result image, kept so history stays browsable after the remote file expired. */
export type Thumbnail = { runId: string; index: number; bytes: ArrayBuffer; type: string };

/** One store of thumbnails, keyed "<run id>/<image index>". */
const THUMBNAILS = "thumbnails";

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
  let database: Promise<IDBDatabase> | undefined;
  const db = () =>
    (database ??= openDatabase(databaseName, 1, (upgrading) => {
      upgrading.createObjectStore(THUMBNAILS);
    }));
  const read = async () => (await db()).transaction(THUMBNAILS).objectStore(THUMBNAILS);

  return {
    async get(runId, index) {
      return (await requested((await read()).get(thumbnailKey(runId, index)))) as Thumbnail | undefined;
    },
    async has(runId) {
      return (await requested((await read()).getKey(thumbnailKey(runId, 0)))) !== undefined;
    },
    async put(thumbnails) {
      await written(await db(), THUMBNAILS, (store) =>
        thumbnails.forEach((thumbnail) => store.put(thumbnail, thumbnailKey(thumbnail.runId, thumbnail.index))),
      );
    },
    async keepOnly(runIds) {
      await written(await db(), THUMBNAILS, async (store) => {
        const keys = (await requested(store.getAllKeys())) as string[];
        keys.filter((key) => !runIds.has(runIdOf(key))).forEach((key) => store.delete(key));
      });
    },
  };
}

let browserStore: ThumbnailStore | undefined;

/** The page's one store. */
export function thumbnailStore(): ThumbnailStore {
  browserStore ??= openThumbnailStore();
  return browserStore;
}
