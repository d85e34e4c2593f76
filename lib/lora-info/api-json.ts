import "server-only";
import type { GuardedFetch } from "@/lib/http/public-fetch";
import { FetchProblem, statusProblem, thrownProblem } from "./fetch-problem";

type ApiJsonOptions = {
  signal: AbortSignal;
  timeoutMs: number;
  maxBytes: number;
  /** The service's name, for the card's words ("Civitai", "Hugging Face"). */
  service: string;
  /** Statuses that mean "no such thing" on this API, and what the card says then. */
  notFound: { statuses: readonly number[]; message: string };
};

/** A public API's JSON answer, fetched through the guard; every way it can fail is a FetchProblem in the card's words. */
export async function fetchApiJson(url: string, fetch: GuardedFetch, options: ApiJsonOptions): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json" },
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
    });
  } catch (error) {
    throw thrownProblem(url, error);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    if (options.notFound.statuses.includes(response.status))
      throw new FetchProblem("not-found", options.notFound.message);
    throw statusProblem(url, response.status);
  }
  try {
    return await response.json();
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") throw thrownProblem(url, error);
    throw new FetchProblem("unsupported", `${options.service} answered with something that is not JSON.`);
  }
}
