import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseExactJson } from "@/lib/fal/exact-json";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { minimalBody } from "@/lib/fal/defaults";
import { validSettings } from "@/lib/share/test-arbitraries";
import { shellQuote, toJavaScriptLiteral, toPythonLiteral } from "./literals";
import { toCurl, toJavaScript, toPython } from "./snippets";

const body: LoraRequest = {
  model_name: "stabilityai/stable-diffusion-xl-base-1.0",
  prompt: `it's a "quoted" café\nsecond line`,
  loras: [{ path: "nerijs/pixel-art-xl", scale: 0.8 }],
  seed: 7,
};
const bodies = validSettings.map((values) => minimalBody(values));
const hasPython = spawnSync("python3", ["--version"]).status === 0;

describe("code export", () => {
  it("writes the body as a JavaScript literal that evaluates to exactly that body", () => {
    fc.assert(
      fc.property(bodies, (request) => {
        // JavaScript has no exact literal for fal's 64-bit seeds: they come out as the nearest number.
        const { seed } = request;
        const expected = typeof seed === "bigint" ? { ...request, seed: Number(seed) } : request;
        expect(new Function(`return ${toJavaScriptLiteral(request)};`)()).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it.skipIf(!hasPython)("writes the body as a Python literal that evaluates to exactly that body", () => {
    const samples = fc.sample(bodies, 60);
    const program = `import ast, json, sys\nfor line in sys.stdin.read().split("\\0"):\n    print(json.dumps(ast.literal_eval(line)))`;
    const run = spawnSync("python3", ["-c", program], {
      input: samples.map((sample) => toPythonLiteral(sample)).join("\0"),
    });
    const decoded = run.stdout
      .toString()
      .trim()
      .split("\n")
      .map((line) => parseExactJson(line));
    expect(decoded).toEqual(samples);
  });

  it("writes fal's 64-bit seeds exactly for Python and cURL, and says JavaScript rounds them", () => {
    const seeded = { ...body, seed: 196619188014358660n };
    expect(toPython(seeded)).toContain('"seed": 196619188014358660,');
    expect(toCurl(seeded)).toContain('"seed": 196619188014358660');
    expect(toJavaScript(seeded)).toContain(
      "seed: 196619188014358660 /* JavaScript rounds this to 196619188014358656; the Python and cURL snippets send it exactly */",
    );
  });

  it("quotes the cURL body so a shell passes it through unchanged", () => {
    const text = JSON.stringify(body);
    expect(spawnSync("sh", ["-c", `printf %s ${shellQuote(text)}`]).stdout.toString()).toBe(text);
  });

  it("gives the JavaScript client the endpoint, the body and the key from the environment", () => {
    const code = toJavaScript(body);
    expect(code).toContain('import { fal } from "@fal-ai/client";');
    expect(code).toContain("fal.config({ credentials: process.env.FAL_KEY });");
    expect(code).toContain('fal.subscribe("fal-ai/lora/image-to-image", {');
    expect(code).toContain('    prompt: "it\'s a \\"quoted\\" café\\nsecond line",');
    expect(toJavaScript(body, { config: "{ proxyUrl: '/p' }" })).toContain("fal.config({ proxyUrl: '/p' });");
  });

  it("gives Python fal_client.subscribe the body as arguments", () => {
    const code = toPython({ model_name: "m", prompt: "p", prompt_weighting: true, seed: 1 });
    expect(code).toContain(`arguments={
        "model_name": "m",
        "prompt": "p",
        "prompt_weighting": True,
        "seed": 1,
    },`);
  });

  it("posts the body to the queue API with the key header", () => {
    const code = toCurl(body);
    expect(code).toContain("--url https://queue.fal.run/fal-ai/lora/image-to-image");
    expect(code).toContain('--header "Authorization: Key $FAL_KEY"');
    expect(code).toContain("https://queue.fal.run/fal-ai/lora/requests/$REQUEST_ID/status");
    const data = /--data ('(?:[^']|'\\'')*')/.exec(code)?.[1] ?? "";
    expect(JSON.parse(spawnSync("sh", ["-c", `printf %s ${data}`]).stdout.toString())).toEqual(body);
  });
});
