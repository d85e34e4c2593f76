/**
 * Compares the committed snapshot of fal's input schema (lib/fal/fal-schema/snapshot.json) with fal's
 * live OpenAPI of the endpoint, and says what changed. `--openapi <file>` compares with a stored
 * OpenAPI document (or models API answer) instead. FAL_KEY is sent when set.
 *
 * Exit codes: 0 the same, 1 changed, 2 not compared (fal could not be reached or read).
 */
import { readFileSync } from "node:fs";
import { compareWithLive, compareWithOpenApi, type LiveCheck } from "../lib/fal/fal-schema/live-check";

const EXIT_CODES: Record<LiveCheck["outcome"], number> = { same: 0, changed: 1, unchecked: 2 };

async function main(): Promise<LiveCheck> {
  const flag = process.argv.indexOf("--openapi");
  const file = flag >= 0 ? process.argv[flag + 1] : undefined;
  if (flag >= 0 && !file) return { outcome: "unchecked", lines: ["--openapi needs a file name."] };
  if (file) {
    try {
      return compareWithOpenApi(JSON.parse(readFileSync(file, "utf8")), file);
    } catch (error) {
      return { outcome: "unchecked", lines: [`${file} could not be read as JSON: ${String(error)}`] };
    }
  }
  return compareWithLive(fetch, { key: process.env.FAL_KEY || undefined });
}

void main().then((check) => {
  for (const line of check.lines) (check.outcome === "same" ? console.log : console.error)(line);
  process.exitCode = EXIT_CODES[check.outcome];
});
