import { ApiError, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { formFieldName } from "@/lib/form/server-errors";
import { connectionTrouble, isCancelledError, toRunError } from "./run-error";

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
      message: "Init image could not be downloaded: HTTP 404\nThe request body is not valid JSON.",
      fieldErrors: [{ field: "image_url", message: "Init image could not be downloaded: HTTP 404" }],
      retryable: false,
    });
  });

  it("uses an API error's string detail, else its status, and offers retry", () => {
    expect(
      toRunError(new ApiError({ message: "Bad Gateway", status: 502, body: { detail: "Upstream down" } })),
    ).toMatchObject({
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

  it("names fields by their labels, and puts fal's singular `controlnet` refusal on the ControlNet", () => {
    const error = new ValidationError({
      message: "Unprocessable Entity",
      status: 422,
      body: {
        detail: [
          {
            loc: ["body", "controlnet", 1, "start_percentage"],
            msg: "start_percentage must be less than end_percentage",
            type: "value_error",
          },
        ],
      },
    });
    expect(toRunError(error)).toMatchObject({
      message: "ControlNet 2: start_percentage must be less than end_percentage",
      fieldErrors: [
        { field: "controlnets.1.start_percentage", message: "start_percentage must be less than end_percentage" },
      ],
    });
  });

  it("keeps a sentence detail as fal wrote it, and finds the image it names in the input", () => {
    const url = "https://x.test/control.png";
    const detail = `Could not load image from url: ${url}`;
    const error = new ValidationError({ message: "Unprocessable Entity", status: 422, body: { detail } });
    const input = { model_name: "m", prompt: "p", controlnets: [{ path: "c", image_url: url }] };
    const run = toRunError(error, input);
    expect(run).toMatchObject({
      kind: "validation",
      retryable: false,
      fieldErrors: [{ field: "controlnets.0.image_url", message: `fal could not load this image: ${detail}` }],
    });
    expect(run.message).toMatch(/^ControlNet 1: fal could not load this image\./);
    expect(run.message).toContain(detail);
    expect(
      toRunError(new ValidationError({ message: "x", status: 422, body: { detail: "Prompt too long" } }), input),
    ).toMatchObject({
      message: "fal refused this input: Prompt too long",
      fieldErrors: [],
    });
  });

  it("tells the network and gateways, worth asking again, from fal's verdicts", () => {
    expect(connectionTrouble(new TypeError("Failed to fetch"))).toContain("network");
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(connectionTrouble(new ApiError({ message: "x", status }))).toBeDefined();
    for (const status of [400, 401, 403, 404, 422, 499])
      expect(connectionTrouble(new ApiError({ message: "x", status }))).toBeUndefined();
  });
});
