import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import type { Result } from "lighthouse";
import { CHROMIUM_ARGS } from "./harness";

const run = promisify(execFile);

export type FormFactor = "mobile" | "desktop";

export type LighthouseFigures = {
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  score: number;
  /** Requests the page made to any host but loopback (must stay 0). */
  outsideRequests: string[];
  /** Main-thread time by script (the top three), for the report. */
  bootup: string;
  /** FCP and LCP as they happened in the unthrottled load that Lighthouse's simulation starts from. */
  observedFcpMs: number;
  observedLcpMs: number;
};

/**
 * Performance only: the other categories fetch robots.txt, check links and so on. Screenshots are
 * skipped (the score does not need them), error reporting is off. Lighthouse itself asks no outside
 * host in navigation mode (no CrUX, no fonts for a JSON report); Chromium's own background traffic
 * is off by its flags, and every request the page made is checked below.
 */
function cliArguments(url: string, formFactor: FormFactor, port: number, withoutScripts: boolean): string[] {
  return [
    url,
    `--port=${port}`,
    "--output=json",
    "--quiet",
    "--no-enable-error-reporting",
    "--only-categories=performance",
    "--skip-audits=screenshot-thumbnails,final-screenshot,full-page-screenshot",
    "--disable-full-page-screenshot",
    ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
    ...(withoutScripts ? ["--blocked-url-patterns=*.js"] : []),
  ];
}

const LOOPBACK = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

type TableItem = Record<string, unknown>;

function tableItems(lhr: Result, auditId: string): TableItem[] {
  const details = lhr.audits[auditId]?.details as { items?: TableItem[] } | undefined;
  return details?.items ?? [];
}

function numeric(lhr: Result, auditId: string): number {
  return lhr.audits[auditId]?.numericValue ?? Number.NaN;
}

function bootupSummary(lhr: Result): string {
  return tableItems(lhr, "bootup-time")
    .slice(0, 3)
    .map((item) => `${String(item.url).replace(/^https?:\/\/[^/]+/, "")} ${Math.round(Number(item.total))} ms`)
    .join("; ");
}

function figures(lhr: Result): LighthouseFigures {
  const requests = tableItems(lhr, "network-requests").map((item) => String(item.url));
  const [observed = {}] = tableItems(lhr, "metrics");
  return {
    lcpMs: numeric(lhr, "largest-contentful-paint"),
    tbtMs: numeric(lhr, "total-blocking-time"),
    cls: numeric(lhr, "cumulative-layout-shift"),
    fcpMs: numeric(lhr, "first-contentful-paint"),
    score: lhr.categories.performance?.score ?? Number.NaN,
    outsideRequests: requests.filter((url) => /^(https?|wss?):/.test(url) && !LOOPBACK.test(url)),
    bootup: bootupSummary(lhr),
    observedFcpMs: Number(observed.observedFirstContentfulPaint),
    observedLcpMs: Number(observed.observedLargestContentfulPaint),
  };
}

/** A headless Debian Chromium, launched by chrome-launcher, that Lighthouse drives over its debugging port. */
export async function launchChromium(chromePath: string | undefined) {
  return chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
    logLevel: "silent",
  });
}

/**
 * Lighthouse's own CLI in plain Node: under tsx its page-side functions carry esbuild's `__name`
 * helper, which the page does not have.
 */
export async function runLighthouse(
  url: string,
  formFactor: FormFactor,
  port: number,
  /** Blocks the page's script files (inline scripts still run): what its HTML and CSS cost alone. */
  withoutScripts = false,
): Promise<LighthouseFigures> {
  const cli = join(process.cwd(), "node_modules/lighthouse/cli/index.js");
  const { stdout } = await run(process.execPath, [cli, ...cliArguments(url, formFactor, port, withoutScripts)], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const lhr = JSON.parse(stdout) as Result;
  const error = lhr.runtimeError;
  if (error) throw new Error(`Lighthouse could not measure ${url}: ${error.code} ${error.message}`);
  return figures(lhr);
}
