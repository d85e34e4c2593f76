import { afterEach, describe, expect, it } from "vitest";
import { FileStore, sanitizeFileName, UploadError } from "./file-store";

describe("FileStore", () => {
  let clock = 0;
  const stores: FileStore[] = [];
  const make = (options: { maxBytes?: number; maxUploadBytes?: number } = {}) => {
    const store = new FileStore({
      ttlMs: 1_000,
      maxBytes: options.maxBytes ?? 1_000,
      maxUploadBytes: options.maxUploadBytes,
      now: () => clock,
    });
    stores.push(store);
    return store;
  };
  afterEach(() => {
    stores.splice(0).forEach((store) => store.dispose());
    clock = 0;
  });

  it("hands out upload and file URLs on the request's origin", () => {
    const { upload_url, file_url } = make().initiate(
      { content_type: "image/png", file_name: "My photo (1).png" },
      "https://play.test",
    );
    expect(upload_url).toMatch(/^https:\/\/play\.test\/api\/simulator\/upload\/[\w-]{22}$/);
    expect(file_url).toMatch(/^https:\/\/play\.test\/api\/simulator\/files\/[\w-]{22}\/My_photo_1_.png$/);
  });

  it("stores an upload once and serves it by id", () => {
    const store = make();
    const { upload_url, file_url } = store.initiate({ content_type: "image/png", file_name: "a.png" }, "http://x");
    const token = upload_url.split("/").at(-1) ?? "";
    const id = file_url.split("/").at(-2) ?? "";
    expect(store.get(id)).toBeUndefined();
    store.put(token, Buffer.from("abc"), "image/webp");
    expect(store.get(id)).toEqual({ bytes: Buffer.from("abc"), contentType: "image/webp", fileName: "a.png" });
    expect(() => store.put(token, Buffer.from("again"))).toThrow(UploadError);
  });

  it("refuses uploads over the size cap with 413", () => {
    const store = make({ maxUploadBytes: 4 });
    const token =
      store.initiate({ content_type: "image/png", file_name: "a.png" }, "http://x").upload_url.split("/").at(-1) ?? "";
    try {
      store.put(token, Buffer.from("12345"));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UploadError);
      expect((error as UploadError).status).toBe(413);
    }
  });

  it("expires files and keeps the total bytes bounded", () => {
    const store = make({ maxBytes: 10 });
    const first = store.save(Buffer.alloc(6), "image/png", "one.png", "http://x");
    const second = store.save(Buffer.alloc(6), "image/png", "two.png", "http://x");
    const idOf = (url: string) => url.split("/").at(-2) ?? "";
    expect(store.get(idOf(first))).toBeUndefined();
    expect(store.get(idOf(second))?.fileName).toBe("two.png");
    expect(store.totalBytes).toBe(6);
    clock = 1_000;
    expect(store.get(idOf(second))).toBeUndefined();
  });

  it("keeps each client to its share: a burst of one client's uploads pushes out only its own", () => {
    const store = make({ maxBytes: 100 });
    const idOf = (url: string) => url.split("/").at(-2) ?? "";
    const upload = (client: string, size: number) => {
      const target = store.initiate({ content_type: "image/png", file_name: "a.png" }, "http://x", client);
      store.put(target.upload_url.split("/").at(-1) ?? "", Buffer.alloc(size));
      return idOf(target.file_url);
    };
    const pending = store.initiate({ content_type: "image/png", file_name: "later.png" }, "http://x", "alice");
    const alices = upload("alice", 20);
    const mallorys = Array.from({ length: 40 }, () => upload("mallory", 10));
    expect(store.get(alices)?.bytes.byteLength).toBe(20);
    expect(mallorys.filter((id) => store.get(id)).length).toBe(2);
    expect(() => store.put(pending.upload_url.split("/").at(-1) ?? "", Buffer.alloc(5))).not.toThrow();

    const tokens = Array.from({ length: 40 }, () =>
      store.initiate({ content_type: "image/png", file_name: "x.png" }, "http://x", "mallory"),
    );
    expect(() => store.put(tokens[0]?.upload_url.split("/").at(-1) ?? "", Buffer.alloc(1))).toThrow(UploadError);
    expect(() => store.put(tokens[39]?.upload_url.split("/").at(-1) ?? "", Buffer.alloc(1))).not.toThrow();
  });

  it("sanitizes file names for URL paths", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("etc_passwd");
    expect(sanitizeFileName("café à la.jpg")).toBe("cafe_a_la.jpg");
    expect(sanitizeFileName("")).toBe("file");
    expect(sanitizeFileName("???")).toBe("file");
  });
});
