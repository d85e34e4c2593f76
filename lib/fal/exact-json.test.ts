import { describe, expect, it } from "vitest";
import { exactJsonFetch, parseExactJson, stringifyExactJson } from "./exact-json";

describe("exact JSON", () => {
  it("keeps a 64-bit seed's digits as BigInt and leaves everything else as JSON.parse does", () => {
    const text =
      '{"seed": 196619188014358660, "small": 42, "big float": 1.5e300, "text": "9007199254740993", "list": [-18446744073709551615, 3]}';
    expect(parseExactJson(text)).toEqual({
      seed: 196619188014358660n,
      small: 42,
      "big float": 1.5e300,
      text: "9007199254740993",
      list: [-18446744073709551615n, 3],
    });
  });

  it("is not fooled by digits inside strings, escaped quotes included", () => {
    expect(parseExactJson('{"a": "say \\"12345678901234567890\\" twice", "b": 12345678901234567890}')).toEqual({
      a: 'say "12345678901234567890" twice',
      b: 12345678901234567890n,
    });
  });

  it("throws on broken JSON like JSON.parse", () => {
    expect(() => parseExactJson('{"seed": 12345678901234567890')).toThrow(SyntaxError);
  });

  it("writes BigInt back as the same integer literal", () => {
    const text = stringifyExactJson({ seed: 196619188014358660n, images: [{ url: "https://x.test/a.png" }] });
    expect(text).toBe('{"seed":196619188014358660,"images":[{"url":"https://x.test/a.png"}]}');
    expect(parseExactJson(text)).toEqual({ seed: 196619188014358660n, images: [{ url: "https://x.test/a.png" }] });
  });

  it("teaches a fetch's responses to keep big integers", async () => {
    const fetchBig = exactJsonFetch(
      async () => new Response('{"seed": 196619188014358660}', { headers: { "content-type": "application/json" } }),
    );
    expect(await (await fetchBig("https://x.test")).json()).toEqual({ seed: 196619188014358660n });
  });
});
