import "server-only";
import { PrivateAddressError } from "@/lib/http/public-fetch";
import type { CardProblemKind } from "./card";

/** Why a host could not give what the card needs, in words for the card. */
export class FetchProblem extends Error {
  constructor(
    readonly kind: CardProblemKind,
    message: string,
  ) {
    super(message);
    this.name = "FetchProblem";
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the host";
  }
}

/** A non-2xx answer as the card says it. */
export function statusProblem(url: string, status: number): FetchProblem {
  const host = hostOf(url);
  if (status === 401)
    return new FetchProblem("needs-token", `${host} answers 401: the file needs a sign-in or a token.`);
  if (status === 403) return new FetchProblem("forbidden", `${host} refuses to serve the file (403).`);
  if (status === 404 || status === 410)
    return new FetchProblem("not-found", `${host} has no file at this address (${status}).`);
  if (status === 429)
    return new FetchProblem("unreachable", `${host} is rate-limiting requests (429); try again shortly.`);
  return new FetchProblem("unreachable", `${host} answered HTTP ${status}.`);
}

/** A thrown fetch error (no answer at all) as the card says it. */
export function thrownProblem(url: string, error: unknown): FetchProblem {
  if (error instanceof FetchProblem) return error;
  const host = hostOf(url);
  if (error instanceof PrivateAddressError) {
    return new FetchProblem(
      "private-address",
      `${host} is a private or local address, which the playground does not fetch from.`,
    );
  }
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new FetchProblem("timeout", `${host} did not answer in time.`);
  }
  return new FetchProblem("unreachable", `Could not reach ${host}.`);
}
