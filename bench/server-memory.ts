import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Resident memory of the process listening on `port` (the Next server), from /proc; NaN when it cannot be read. */
export function serverRssMiB(port: number): number {
  try {
    const listing = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    const pid = /pid=(\d+)/.exec(listing)?.[1];
    if (!pid) return Number.NaN;
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}
