import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { openDatabase, requested, written } from "./indexed-db";

const open = () =>
  openDatabase(`test-${crypto.randomUUID()}`, 1, (database) => {
    database.createObjectStore("things");
  });

const read = async (database: IDBDatabase, key: string) =>
  requested(database.transaction("things").objectStore("things").get(key));

describe("IndexedDB as promises", () => {
  it("writes what one transaction asked for, and reads it back", async () => {
    const database = await open();
    await written(database, "things", (store) => {
      store.put("one", "a");
      store.put("two", "b");
    });
    expect(await read(database, "a")).toBe("one");
    expect(await read(database, "b")).toBe("two");
  });

  it("reads inside a write (the transaction stays open across the await) and commits what follows", async () => {
    const database = await open();
    await written(database, "things", (store) => void store.put("x", "keep/1"));
    await written(database, "things", async (store) => {
      const keys = await requested(store.getAllKeys());
      store.put(keys.length, "count");
    });
    expect(await read(database, "count")).toBe(1);
  });

  it("commits nothing of a write that fails part way, and says why", async () => {
    const database = await open();
    const failing = written(database, "things", (store) => {
      store.put("kept only if all succeed", "a");
      store.put(() => "a function cannot be stored", "b");
    });
    await expect(failing).rejects.toThrow();
    expect(await read(database, "a")).toBeUndefined();
  });

  it("rejects a failed request with the browser's error", async () => {
    const database = await open();
    await written(database, "things", (store) => void store.add("first", "a"));
    await expect(written(database, "things", (store) => void store.add("again", "a"))).rejects.toMatchObject({
      name: "ConstraintError",
    });
    expect(await read(database, "a")).toBe("first");
  });
});
