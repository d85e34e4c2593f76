import fc from "fast-check";
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";
import { describe, expect, it } from "vitest";
import { inflateLinkPayload, type Meter } from "./lz-bounded";
import { inflatingPayload } from "./test-links";

describe("inflateLinkPayload", () => {
  it("reads what lz-string wrote, for any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.json(), fc.string({ unit: "grapheme" })), (text) => {
        expect(inflateLinkPayload(compressToEncodedURIComponent(text), 1_000_000)).toEqual({ ok: true, text });
      }),
      { numRuns: 200 },
    );
  });

  it("reads a payload whose pluses a chat app turned into spaces", () => {
    const payload = compressToEncodedURIComponent("a+b=c ".repeat(40) + "ü∑");
    expect(payload).toContain("+");
    expect(inflateLinkPayload(payload.replaceAll("+", " "), 10_000)).toEqual({
      ok: true,
      text: "a+b=c ".repeat(40) + "ü∑",
    });
  });

  it("writes hostile payloads as lz-string reads them", () => {
    const payload = inflatingPayload('{"prompt":"a', 5_000, '"}');
    const text = decompressFromEncodedURIComponent(payload);
    expect(text).toMatch(/^\{"prompt":"a{5001,}"\}$/);
    expect(inflateLinkPayload(payload, 10_000)).toEqual({ ok: true, text });
  });

  it("stops at its bound: a 20,000-character payload that would unpack to 50 MB is refused unread", () => {
    const payload = inflatingPayload('{"prompt":"a', 50_000_000, '"}');
    expect(payload.length).toBeLessThan(21_000);
    expect(inflateLinkPayload(payload, 256 * 1024)).toEqual({ ok: false, reason: "too-large" });
    const justOver = inflatingPayload('{"prompt":"a', 1000, '"}');
    const size = decompressFromEncodedURIComponent(justOver).length;
    expect(inflateLinkPayload(justOver, size)).toMatchObject({ ok: true });
    expect(inflateLinkPayload(justOver, size - 1)).toEqual({ ok: false, reason: "too-large" });
  });

  it("says a damaged payload is damaged and never throws", () => {
    const good = compressToEncodedURIComponent('{"prompt":"a lighthouse"}');
    expect(inflateLinkPayload("", 100)).toEqual({ ok: false, reason: "damaged" });
    expect(inflateLinkPayload("%%%", 100)).toEqual({ ok: false, reason: "damaged" });
    expect(inflateLinkPayload(good.slice(0, good.length - 4), 100)).toEqual({ ok: false, reason: "damaged" });
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const result = inflateLinkPayload(text, 10_000);
        if (result.ok) expect(result.text.length).toBeLessThanOrEqual(10_000);
      }),
      { numRuns: 2000 },
    );
  });

  it("works in steps linear in its input, whatever 100 KB of adversarial text it is given", () => {
    const bound = 256 * 1024;
    const lz = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
    let state = 88172645;
    const noise = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return lz[(state >>> 0) % lz.length] ?? "A";
    };
    const shapes = {
      digits: "7".repeat(100_000),
      spaces: " ".repeat(100_000),
      separators: "-$+".repeat(33_334),
      "unclosed brackets": "[{(".repeat(33_334),
      "random payload": Array.from({ length: 100_000 }, noise).join(""),
      "a run of repeats": inflatingPayload("a", 10 ** 9, ""),
    };
    for (const [shape, payload] of Object.entries(shapes)) {
      const meter: Meter = { steps: 0 };
      const result = inflateLinkPayload(payload, bound, meter);
      if (result.ok) expect(result.text.length, shape).toBeLessThanOrEqual(bound);
      expect(meter.steps, shape).toBeLessThanOrEqual(payload.length * 3 + bound);
    }
  });
});
