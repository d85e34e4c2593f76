/*
 * IndexedDB's events as promises: the few calls history and thumbnails make, written here rather
 * than bringing a wrapper library into the page's first load (issue 23).
 */

/** A request's result, or its error. */
export function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("the browser's storage refused the request"));
  });
}

/**
 * Resolves once a transaction is committed; rejects when one of its requests failed or it was
 * aborted. Ask for it as soon as the transaction is made, before awaiting anything.
 */
export function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    // A failed request's error reaches its transaction first (then the transaction aborts).
    transaction.onerror = (event) => reject((event.target as IDBRequest | null)?.error ?? transaction.error);
    transaction.onabort = () =>
      reject(transaction.error ?? new DOMException("The transaction was aborted.", "AbortError"));
  });
}

/** Opens `name` at `version`; `upgrade` creates its stores when it is new (or older). */
export function openDatabase(
  name: string,
  version: number,
  upgrade: (database: IDBDatabase) => void,
): Promise<IDBDatabase> {
  if (typeof indexedDB === "undefined")
    return Promise.reject(new Error("this browser offers the page no IndexedDB storage"));
  const request = indexedDB.open(name, version);
  request.onupgradeneeded = () => upgrade(request.result);
  return requested(request);
}

/** Writes in one transaction of `storeName`: `write` makes the requests, and this resolves once they are committed. */
export async function written(
  database: IDBDatabase,
  storeName: string,
  write: (store: IDBObjectStore) => void | Promise<void>,
): Promise<void> {
  const transaction = database.transaction(storeName, "readwrite");
  const done = committed(transaction);
  try {
    await write(transaction.objectStore(storeName));
  } catch (error) {
    done.catch(() => undefined);
    try {
      transaction.abort();
    } catch {
      // Already aborted by the request that failed.
    }
    throw error;
  }
  await done;
}
