import { ApiError, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { formFieldName } from "@/lib/form/server-errors";
import { isCancelledError, toRunError } from "./run-error";

describe("run errors", () => {
  it("maps a 422 loc onto the form's field path", () => {
    expect(formFieldName(["body", "loras", 0, "path"])).toBe("loras.0.path");
    expect(formFieldName(["body", "prompt"])).toBe("prompt");
    expect(formFieldName(["body"])).toBe("");
  });

  it("lists every refused field and offers no retry for a validation error", () => {
    const error = new ValidationError({
      message: "Unprocessable Entity",
      status: 422,
      body: {
        detail: [
          { loc: ["body", "image_url"], msg: "Init image could not be downloaded: HTTP 404", type: "value_error" },
          { loc: ["body"], msg: "The request body is not valid JSON.", type: "json_invalid" },
        ],
      },
    });
    expect(toRunError(error)).toEqual({
      kind: "validation",
      message: "image_url: Init image could not be downloaded: HTTP 404\nThe request body is not valid JSON.",
      fieldErrors: [{ field: "image_url", message: "Init image could not be downloaded: HTTP 404" }],
      retryable: false,
    });
  });

  it("uses an API error's string detail, else its status, and offers retry", () => {
    expect(toRunError(new ApiError({ message: "Bad Gateway", status: 502, body: { detail: "Upstream down" } }))).toMatchObject({
      kind: "api",
      message: "Upstream down",
      retryable: true,
    });
    expect(toRunError(new ApiError({ message: "Internal Server Error", status: 500, body: {} })).message).toBe(
      "Internal Server Error (HTTP 500)",
    );
  });

  it("says a network failure is one", () => {
    expect(toRunError(new TypeError("Failed to fetch"))).toMatchObject({ kind: "network", retryable: true });
    expect(toRunError(new TypeError("Failed to fetch")).message).toContain("could not be reached");
  });

  it("recognises fal's 499 as a cancellation", () => {
    expect(isCancelledError(new ApiError({ message: "x", status: 499 }))).toBe(true);
    expect(isCancelledError(new ApiError({ message: "x", status: 500 }))).toBe(false);
  });
});
