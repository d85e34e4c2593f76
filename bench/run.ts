import { execSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Bench, type BenchContext, type BenchResult, chromiumPath, startServer, stopServer } from "./harness";

const PORT = Number(process.env.BENCH_PORT ?? 3199);

/** A benchmark that throws is reported and counted as missed; the others still run. */
async function runOne(bench: Bench, context: BenchContext): Promise<BenchResult[]> {
  try {
    return await bench.run(context);
  } catch (error) {
    console.log(`FAILED: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return [{ name: `${bench.name} (failed)`, value: 1, unit: "failure", max: 0 }];
  }
}

function verdict(result: BenchResult): string {
  if (result.max !== undefined) return result.value <= result.max ? `ok (≤ ${result.max})` : `MISSED (> ${result.max})`;
  if (result.min !== undefined) return result.value >= result.min ? `ok (≥ ${result.min})` : `MISSED (< ${result.min})`;
  return "";
}

async function main() {
  const only = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith(".bench.ts"))
    .filter((file) => !only || file.includes(only));
  if (process.env.BENCH_SKIP_BUILD !== "1") execSync("npx next build", { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const server = await startServer(PORT, { SIMULATOR_STEP_MS: process.env.SIMULATOR_STEP_MS ?? "5", SIMULATOR_CONCURRENCY: "4", RATE_LIMIT_SUBMITS_PER_MINUTE: "100000" });
  let missed = 0;
  try {
    for (const file of files) {
      const bench = (await import(pathToFileURL(join(__dirname, file)).href)).default as Bench;
      console.log(`\n## ${bench.name}`);
      const results = await runOne(bench, { baseURL: `http://127.0.0.1:${PORT}`, chromiumPath: chromiumPath() });
      for (const result of results) {
        const check = verdict(result);
        if (check.startsWith("MISSED")) missed += 1;
        console.log(`${result.name.padEnd(48)} ${result.value.toFixed(2).padStart(12)} ${result.unit.padEnd(10)} ${check}`);
      }
    }
  } finally {
    stopServer(server);
  }
  if (missed > 0) {
    console.log(`\n${missed} target(s) missed`);
    process.exitCode = 1;
  }
}

void main();
