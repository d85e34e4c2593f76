import { ApiError, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { isApiError, isValidationError } from "./client-errors";

describe("the fal client's errors", () => {
  it("are recognised as the client makes them", () => {
    const apiError = new ApiError({ message: "Bad Gateway", status: 502, body: undefined });
    const validationError = new ValidationError({ message: "Unprocessable", status: 422, body: { detail: [] } });
    expect([isApiError(apiError), isValidationError(apiError)]).toEqual([true, false]);
    expect([isApiError(validationError), isValidationError(validationError)]).toEqual([true, true]);
  });

  it("are not mistaken for other errors", () => {
    expect(isApiError(new TypeError("Failed to fetch"))).toBe(false);
    expect(isApiError({ name: "ApiError", status: 500 })).toBe(false);
    expect(isApiError(Object.assign(new Error("no status"), { name: "ApiError" }))).toBe(false);
  });
});
