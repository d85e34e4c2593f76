import { execSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type Bench,
  type BenchContext,
  type BenchOutcome,
  chromiumPath,
  ensureFree,
  startServer,
  stopServer,
  toOutcome,
} from "./harness";
import { benchmarksMarkdown, describeMachine } from "./report";
import { type BenchSummary, formatNumber, summarise } from "./summary";

const PORT = Number(process.env.BENCH_PORT ?? 3199);
/** The floor and any extra server take the ports just below the block's top: 3101… by default, 3801… for BENCH_PORT=3899. */
const FLOOR_PORT = PORT - 98;
const FLOOR_DIR = "bench/floor-app";
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const BUILD_ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** Every pass of one benchmark; one that throws is reported as failed and the others still run. */
async function runBench(bench: Bench, context: BenchContext): Promise<BenchSummary> {
  const outcomes: BenchOutcome[] = [];
  const passes = bench.repeats ?? REPEATS;
  try {
    for (let pass = 1; pass <= passes; pass += 1) {
      const outcome = toOutcome(await bench.run(context));
      outcomes.push(outcome);
      for (const result of outcome.results) {
        console.log(
          `  pass ${pass}: ${result.name.padEnd(56)} ${formatNumber(result.value).padStart(10)} ${result.unit}`,
        );
      }
    }
    return { ...summarise(bench.name, bench.about ?? "", outcomes), whyMissed: bench.whyMissed };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.log(`FAILED: ${message}`);
    return { ...summarise(bench.name, bench.about ?? "", outcomes), failure: message };
  }
}

function printSummary(summary: BenchSummary): void {
  for (const figure of summary.figures) {
    const ratio = figure.ratio !== undefined ? `${figure.ratio.toFixed(2)}×` : "";
    const check = figure.verdict ? `${figure.verdict} (${figure.target})` : "";
    console.log(
      `${figure.name.padEnd(56)} ${formatNumber(figure.value).padStart(10)} ${figure.unit.padEnd(9)} ${ratio.padStart(6)} ${check}`,
    );
  }
  for (const note of summary.notes) console.log(`  note: ${note}`);
}

async function main() {
  const startedAt = new Date();
  const loadBefore = loadavg()[0] ?? 0;
  const only = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith(".bench.ts"))
    .filter((file) => !only || file.includes(only))
    .sort();
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    // npm run build, not next build alone: it also seals the static pages for their CSP.
    execSync("npm run build", { stdio: "inherit", env: BUILD_ENV });
    execSync(`npx next build ${FLOOR_DIR}`, { stdio: "inherit", env: BUILD_ENV });
  }
  await ensureFree(PORT);
  await ensureFree(FLOOR_PORT);
  const server = await startServer(PORT, {
    SIMULATOR_STEP_MS: process.env.SIMULATOR_STEP_MS ?? "5",
    SIMULATOR_CONCURRENCY: "4",
    RATE_LIMIT_SUBMITS_PER_MINUTE: "100000",
    // Only for the run-timing hook that completion-to-screen reads, and for the LoRA cards' hosts: nothing
    // listens there, so the cards of Form typing's LoRAs say so and nothing leaves the machine.
    PLAYGROUND_TEST_HOOKS: "1",
    HF_ORIGIN: `http://127.0.0.1:${PORT - 1}/hf`,
    CIVITAI_ORIGIN: `http://127.0.0.1:${PORT - 1}/civitai`,
  });
  const floor = await startServer(FLOOR_PORT, {}, { dir: FLOOR_DIR, readyPath: "/" }).catch((error: unknown) => {
    stopServer(server);
    throw error;
  });
  const context: BenchContext = {
    baseURL: `http://127.0.0.1:${PORT}`,
    floorURL: `http://127.0.0.1:${FLOOR_PORT}`,
    chromiumPath: chromiumPath(),
    extraPort: (index) => FLOOR_PORT + 1 + index,
    // Direct calls to the simulator's queue need what the proxy's hop carries; with test hooks on, the
    // simulator also takes any well-formed fal key there, as it does for a stand-in fal in tests.
    simulatorAuthorization: process.env.BENCH_SIMULATOR_AUTHORIZATION ?? "Key bench-direct:benchmark-direct-call",
  };
  const summaries: BenchSummary[] = [];
  try {
    for (const file of files) {
      const bench = (await import(pathToFileURL(join(__dirname, file)).href)).default as Bench;
      console.log(`\n## ${bench.name}`);
      const summary = await runBench(bench, context);
      printSummary(summary);
      summaries.push(summary);
    }
  } finally {
    stopServer(server);
    stopServer(floor);
  }
  const missed = summaries.flatMap((summary) => summary.figures).filter((figure) => figure.verdict === "MISSED").length;
  const failed = summaries.filter((summary) => summary.failure).length;
  if (!only) {
    const minutes = (Date.now() - startedAt.getTime()) / 60_000;
    writeFileSync(
      "BENCHMARKS.md",
      benchmarksMarkdown(summaries, describeMachine(context.chromiumPath, loadBefore), startedAt, minutes),
    );
    console.log("\nWrote BENCHMARKS.md");
  }
  if (missed + failed > 0) {
    console.log(`\n${missed} target(s) missed, ${failed} benchmark(s) failed`);
    process.exitCode = 1;
  }
}

void main();
