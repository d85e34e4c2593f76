import { describe, expect, it } from "vitest";
import { readSharedImage } from "./shared-image";

const ORIGIN = "http://127.0.0.1:3000";

describe("readSharedImage", () => {
  it.each([
    "https://fal.media/files/a.png",
    "https://v3.fal.media/files/rabbit/YYbm6L.png",
    "https://v3b.fal.media/files/b/out.jpeg?x=1",
    "https://storage.googleapis.com/falserverless/example_outputs/out.png",
  ])("shows %s, on fal's media hosts", (url) => {
    expect(readSharedImage(url, ORIGIN)).toEqual({ ok: true, image: { url, host: "fal" } });
  });

  it("shows a file of this server's simulator, and no other server's", () => {
    const own = `${ORIGIN}/api/simulator/files/abc_123/result.png`;
    expect(readSharedImage(own, ORIGIN)).toEqual({ ok: true, image: { url: own, host: "simulator" } });
    expect(readSharedImage("http://10.0.0.5/api/simulator/files/abc/result.png", ORIGIN)).toMatchObject({ ok: false });
  });

  it.each([
    ["http://v3.fal.media/files/a.png", /v3\.fal\.media, not on fal's media hosts/],
    ["https://fal.media.evil.example/a.png", /fal\.media\.evil\.example, not on fal's media hosts/],
    ["https://evilfal.media/a.png", /not on fal's media hosts/],
    ["https://v3.fal.media:8443/a.png", /not on fal's media hosts/],
    ["https://user:secret@v3.fal.media/a.png", /not on fal's media hosts/],
    ["https://storage.googleapis.com/other-bucket/a.png", /not on fal's media hosts/],
    ["https://169.254.169.254/latest/meta-data", /not on fal's media hosts/],
    ["javascript:alert(document.cookie)", /A "javascript:" address is not an image/],
    ["data:image/png;base64,AAAA", /A "data:" address is not an image/],
    ["/api/simulator/files/abc/result.png", /not a web address/],
    [`https://v3.fal.media/${"a".repeat(3000)}`, /could not be read/],
    [42, /could not be read/],
  ])("refuses %s", (url, message) => {
    const reading = readSharedImage(url, ORIGIN);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toMatch(message);
  });
});
