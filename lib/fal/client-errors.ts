import type { ApiError, ValidationError } from "@fal-ai/client";

/*
 * The fal client's errors, told apart by the names its classes give them (src/response.js) rather
 * than by `instanceof`, so that reading an error does not load the client: it loads with the
 * first run or upload, not with the page.
 */

export function isApiError(error: unknown): error is ApiError<unknown> {
  return (
    error instanceof Error &&
    (error.name === "ApiError" || error.name === "ValidationError") &&
    typeof (error as { status?: unknown }).status === "number"
  );
}

export function isValidationError(error: unknown): error is ValidationError {
  return isApiError(error) && error.name === "ValidationError";
}
