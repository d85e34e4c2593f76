import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { type BenchSummary, type Figure, formatNumber } from "./summary";

export type Machine = { rows: [string, string][]; busy: boolean };

function packageVersion(name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(join(process.cwd(), "node_modules", name, "package.json"), "utf8")) as {
      version?: string;
    };
    return manifest.version ?? "?";
  } catch {
    return "?";
  }
}

function chromiumVersion(path: string | undefined): string {
  if (!path) return "Playwright's own Chromium";
  try {
    return execFileSync(path, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return path;
  }
}

/** What the figures were measured on; `loadBefore` is the 1-minute load average when the run began. */
export function describeMachine(chromiumPath: string | undefined, loadBefore: number): Machine {
  const cores = cpus().length;
  const loadAfter = loadavg()[0] ?? 0;
  return {
    rows: [
      ["CPU", cpus()[0]?.model.trim() ?? "?"],
      ["cores", String(cores)],
      ["memory", `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`],
      ["Node", process.version],
      ["Chromium", chromiumVersion(chromiumPath)],
      ["Next / React", `${packageVersion("next")} / ${packageVersion("react")}`],
      ["Lighthouse", packageVersion("lighthouse")],
      ["load average (1 min) at start / end", `${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)}`],
    ],
    busy: Math.max(loadBefore, loadAfter) > cores * 0.75,
  };
}

function row(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
}

function valueCell(figure: Figure): string {
  const value = `${formatNumber(figure.value)}${figure.unit ? ` ${figure.unit}` : ""}`;
  return figure.passes > 1 && figure.low !== figure.high
    ? `${value} (${formatNumber(figure.low)}–${formatNumber(figure.high)})`
    : value;
}

function figureTable(figures: Figure[]): string[] {
  return [
    row(["figure", "median (range)", "passes", "reference, same run", "ratio", "target", "verdict"]),
    row(["---", "---", "---", "---", "---", "---", "---"]),
    ...figures.map((figure) =>
      row([
        figure.name,
        valueCell(figure),
        String(figure.passes),
        figure.baseline ? `${figure.baseline.label}: ${formatNumber(figure.baseline.value)}` : "",
        figure.ratio !== undefined ? `${figure.ratio.toFixed(2)}×` : "",
        figure.target,
        figure.verdict,
      ]),
    ),
  ];
}

/** For each target missed in this run: why, as the benchmark records it (or that nobody has found out yet). */
function whyMissedSection(held: { summary: BenchSummary; figure: Figure }[]): string[] {
  const missed = held.filter(({ figure }) => figure.verdict === "MISSED");
  if (missed.length === 0) return [];
  return [
    "### Missed, and why",
    "",
    ...missed.map(
      ({ summary, figure }) =>
        `- **${summary.name}, ${figure.name}** (${valueCell(figure)}): ${summary.whyMissed?.[figure.name] ?? "not explained yet; nobody has looked into it."}`,
    ),
    "",
  ];
}

/** BENCHMARKS.md: the machine, how to reproduce, every target with its verdict, then each benchmark's figures and notes. */
export function benchmarksMarkdown(
  summaries: BenchSummary[],
  machine: Machine,
  startedAt: Date,
  minutes: number,
): string {
  const held = summaries.flatMap((summary) =>
    summary.figures.filter((figure) => figure.verdict).map((figure) => ({ summary, figure })),
  );
  const missed = held.filter(({ figure }) => figure.verdict === "MISSED").length;
  const failed = summaries.filter((summary) => summary.failure);
  return [
    "# Benchmarks",
    "",
    `Written by \`npm run bench\` on ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC (${minutes.toFixed(0)} min). ` +
      "Each figure is the median of its passes (range in brackets); a ratio compares it with the floor or the reference case " +
      "measured in the same run. The playground is its production build in simulator mode; the floor is `bench/floor-app`, " +
      "a bare page built with the same Next and React. Nothing here reaches a host other than loopback.",
    "",
    `**${held.length - missed} of ${held.length} targets met${failed.length ? `; ${failed.length} benchmark(s) failed to run` : ""}.**`,
    "",
    "## Machine",
    "",
    row(["", ""]),
    row(["---", "---"]),
    ...machine.rows.map(([name, value]) => row([name, value])),
    "",
    ...(machine.busy
      ? [
          "The machine was shared with other work during this run (see the load average): timings, Lighthouse's above all, " +
            "are slower and noisier than on an idle machine. Ratios against the floor suffer less, as both sides share the load.",
          "",
        ]
      : []),
    "## How to reproduce",
    "",
    "```sh",
    "npm ci",
    "npm run bench            # builds the playground and the floor, serves both on loopback, measures, writes this file",
    "npm run bench lighthouse # one benchmark (by file name), printed only",
    "```",
    "",
    "Debian's Chromium (`/usr/bin/chromium`, or `CHROMIUM_PATH`) runs every browser measurement, Lighthouse included. " +
      "`BENCH_PORT` (default 3199) is the playground's port; the floor and extra servers take the ports just below it " +
      "(`BENCH_PORT − 98` …). `BENCH_REPEATS` sets the passes (default 3), `BENCH_SKIP_BUILD=1` reuses the builds.",
    "",
    "## Targets",
    "",
    row(["benchmark", "figure", "median", "ratio", "target", "verdict"]),
    row(["---", "---", "---", "---", "---", "---"]),
    ...held.map(({ summary, figure }) =>
      row([
        summary.name,
        figure.name,
        valueCell(figure),
        figure.ratio !== undefined ? `${figure.ratio.toFixed(2)}×` : "",
        figure.target,
        figure.verdict,
      ]),
    ),
    ...failed.map((summary) => row([summary.name, "(failed to run)", summary.failure ?? "", "", "", "MISSED"])),
    "",
    ...whyMissedSection(held),
    ...summaries.flatMap((summary) => [
      `## ${summary.name}`,
      "",
      ...(summary.about ? [summary.about, ""] : []),
      ...(summary.failure ? [`Failed: ${summary.failure}`, ""] : []),
      ...(summary.figures.length ? [...figureTable(summary.figures), ""] : []),
      ...summary.notes.map((note) => `- ${note}`),
      ...(summary.notes.length ? [""] : []),
    ]),
  ].join("\n");
}
