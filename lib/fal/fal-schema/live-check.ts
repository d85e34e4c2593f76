import { describeDifference, diffSchemas } from "./schema-tree";
import { LIVE_OPENAPI_URL, readOpenApiInput, snapshotSchema, snapshotSource } from "./fal-schema";

/** How the snapshot compares with fal's OpenAPI: the same, changed, or not compared (and why). */
export type LiveCheck =
  | { outcome: "same"; lines: string[] }
  | { outcome: "changed"; lines: string[] }
  | { outcome: "unchecked"; lines: string[] };

const NAMES = { fal: "the snapshot", ours: "fal's OpenAPI" };

function sourceLine(): string {
  return `Snapshot: ${snapshotSource.path} of ${snapshotSource.repository} (pull request ${snapshotSource.pullRequest}, commit ${snapshotSource.commit}), read ${snapshotSource.read}.`;
}

/** Compares the committed snapshot with an OpenAPI document (or a models API answer) already in hand. */
export function compareWithOpenApi(answer: unknown, where: string): LiveCheck {
  const reading = readOpenApiInput(answer);
  if (!reading.ok) return { outcome: "unchecked", lines: [sourceLine(), `${where}: ${reading.reason}`] };
  const differences = diffSchemas(snapshotSchema(), reading.schema);
  if (differences.length === 0)
    return { outcome: "same", lines: [sourceLine(), `${where} says the same, field for field.`] };
  return {
    outcome: "changed",
    lines: [
      sourceLine(),
      `${where} differs from the snapshot in ${differences.length} place${differences.length === 1 ? "" : "s"}:`,
      ...differences.map((difference) => `  ${describeDifference(difference, NAMES)}`),
      "Update lib/fal/fal-schema/snapshot.json from it (with its source and date), then make the schema test pass.",
    ],
  };
}

/**
 * Asks fal's models API for the endpoint's OpenAPI and compares. Where the network does not reach
 * fal (as on machines without internet), it says so: nothing was compared.
 */
export async function compareWithLive(
  fetchImpl: typeof fetch,
  { key, timeoutMs = 15_000 }: { key?: string; timeoutMs?: number } = {},
): Promise<LiveCheck> {
  let answer: unknown;
  try {
    const response = await fetchImpl(LIVE_OPENAPI_URL, {
      headers: { accept: "application/json", ...(key ? { authorization: `Key ${key}` } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      return {
        outcome: "unchecked",
        lines: [sourceLine(), `${LIVE_OPENAPI_URL} answered HTTP ${response.status}; nothing was compared.`],
      };
    }
    answer = await response.json();
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const reason = error instanceof Error ? `${error.message}${cause}` : String(error);
    return {
      outcome: "unchecked",
      lines: [
        sourceLine(),
        `fal's OpenAPI could not be fetched from ${LIVE_OPENAPI_URL} (${reason}); nothing was compared.`,
      ],
    };
  }
  return compareWithOpenApi(answer, "fal's live OpenAPI");
}
