import { ApiError, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { withFalErrorHeaders } from "@/lib/fal/error-headers";
import { formFieldName } from "@/lib/form/server-errors";
import { connectionTrouble, isCancelledError, statusRunError, toRunError } from "./run-error";

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
      errorType: "value_error",
      billing: expect.stringContaining("fal does not bill failed runs"),
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

/** An error body as the fal client gets it: read through the fetch that notes fal's error headers. */
async function answered(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetchImpl = withFalErrorHeaders(async () => Response.json(body, { status, headers }));
  const response = await fetchImpl("https://queue.fal.run/x");
  const read: unknown = await response.json();
  return status === 422
    ? new ValidationError({ message: "Unprocessable Entity", status, body: read })
    : new ApiError({
        message: "Error",
        status,
        body: read,
        timeoutType: response.headers.get("x-fal-request-timeout-type") ?? undefined,
      });
}

const modelError = (type: string, loc: (string | number)[], extra: Record<string, unknown> = {}) => ({
  detail: [{ loc, msg: `fal says ${type}`, type, url: `https://docs.fal.ai/errors/#${type}`, ...extra }],
});

describe("fal's two error shapes, by type", () => {
  const input = {
    model_name: "m",
    prompt: "p",
    image_url: "https://x.test/init.png",
    controlnets: [{ path: "c", image_url: "https://x.test/control.png" }],
  };

  it("puts a content policy violation on the prompt and never offers Retry, whatever the header says", async () => {
    const error = toRunError(
      await answered(422, modelError("content_policy_violation", ["body"]), { "x-fal-retryable": "true" }),
      input,
    );
    expect(error).toMatchObject({
      kind: "validation",
      retryable: false,
      errorType: "content_policy_violation",
      fieldErrors: [{ field: "prompt", message: expect.stringContaining("fal's content checker flagged this input.") }],
    });
    expect(error.message).toMatch(/^Prompt: fal's content checker flagged this input\. Change the prompt/);
  });

  it("puts image load and download errors on the image that failed, by loc or by the address fal names", async () => {
    const byLoc = toRunError(
      await answered(422, modelError("image_load_error", ["body", "controlnets", 0, "image_url"])),
      input,
    );
    expect(byLoc.fieldErrors).toEqual([
      { field: "controlnets.0.image_url", message: expect.stringContaining("fal could not read this image.") },
    ]);
    const byAddress = toRunError(
      await answered(422, modelError("file_download_error", ["body"], { input: "https://x.test/control.png" })),
      input,
    );
    expect(byAddress.fieldErrors).toEqual([
      { field: "controlnets.0.image_url", message: expect.stringContaining("fal could not download this image.") },
    ]);
    expect(byAddress.message).toMatch(/^ControlNet 1: fal could not download this image\./);
  });

  it.each([
    ["image_too_small", "This image is smaller than the model takes."],
    ["image_too_large", "This image is larger than the model takes."],
    ["file_too_large", "This file is larger than fal takes."],
  ])("says %s in words, on the image", async (type, words) => {
    const error = toRunError(
      await answered(422, modelError(type, ["body", "image_url"], { ctx: { max_width: 1024 } })),
      input,
    );
    expect(error.fieldErrors).toEqual([{ field: "image_url", message: expect.stringContaining(words) }]);
    expect(error.message).toContain(`(fal: fal says ${type})`);
    expect(error.retryable).toBe(false);
  });

  it.each(["greater_than", "greater_than_equal", "less_than", "less_than_equal"])(
    "puts the range type %s on its field",
    async (type) => {
      const error = toRunError(await answered(422, modelError(type, ["body", "loras", 0, "scale"])), input);
      expect(error.fieldErrors).toEqual([{ field: "loras.0.scale", message: expect.stringContaining("fal says") }]);
    },
  );

  it("offers Retry for a generation timeout fal calls retryable, and not when fal says it is not", async () => {
    const retryable = toRunError(
      await answered(504, modelError("generation_timeout", ["body"]), { "x-fal-retryable": "true" }),
    );
    expect(retryable).toMatchObject({ kind: "api", retryable: true, errorType: "generation_timeout" });
    expect(retryable.message).toContain("Making the images took longer than fal allows.");
    const not = toRunError(
      await answered(500, modelError("internal_server_error", ["body"]), { "x-fal-retryable": "false" }),
    );
    expect(not.retryable).toBe(false);
  });

  it.each([
    ["startup_timeout", 504, "No runner of this model started in time on fal"],
    ["runner_scheduling_failure", 503, "fal could not find a runner for this run."],
    ["request_timeout", 504, "fal stopped the run: it went past the time allowed."],
    ["runner_disconnected", 503, "The runner disconnected from fal while working on this run."],
    ["runner_server_error", 500, "The model's code failed on fal's runner."],
    ["internal_error", 500, "Something went wrong inside fal."],
  ])(
    "says the request error %s in words, from its body or its X-Fal-Error-Type, and offers Retry",
    async (type, status, words) => {
      const fromBody = toRunError(await answered(status, { detail: "Request failed", error_type: type }));
      expect(fromBody).toMatchObject({ kind: "api", retryable: true, errorType: type });
      expect(fromBody.message).toBe(`${fromBody.message.split(" (fal:")[0]} (fal: Request failed)`);
      expect(fromBody.message).toContain(words);
      const fromHeader = toRunError(await answered(status, { detail: "Request failed" }, { "x-fal-error-type": type }));
      expect(fromHeader.message).toContain(words);
      expect(fromHeader.billing).toBe("fal does not bill failed runs: it charges only for successful outputs.");
    },
  );

  it("says a start timeout the user set ran out, from fal's 504 with X-Fal-Request-Timeout-Type: user", async () => {
    const error = toRunError(
      await answered(
        504,
        { detail: "Request timed out", error_type: "request_timeout" },
        { "x-fal-request-timeout-type": "user" },
      ),
    );
    expect(error.message).toMatch(/^No runner started within the start timeout set for this run/);
    expect(error.message).toContain("Request › Start timeout");
    expect(error.retryable).toBe(true);
  });

  it("offers Retry for a 5xx fal says nothing of, never for 400, 401, 403 or 422, and as fal's header says", async () => {
    expect(toRunError(await answered(502, { detail: "Bad gateway" })).retryable).toBe(true);
    for (const status of [400, 401, 403])
      expect(toRunError(await answered(status, { detail: "No" })).retryable).toBe(false);
    expect(
      toRunError(await answered(422, { detail: [{ loc: ["body"], msg: "x", type: "value_error" }] })).retryable,
    ).toBe(false);
    expect(toRunError(await answered(503, { detail: "Busy" }, { "x-fal-retryable": "false" })).retryable).toBe(false);
    expect(toRunError(await answered(400, { detail: "Try again" }, { "x-fal-retryable": "true" })).retryable).toBe(
      true,
    );
  });

  it("says a refused input may be charged for the runner's time, and other failures are not billed", async () => {
    expect(toRunError(await answered(422, modelError("no_media_generated", ["body"]))).billing).toContain(
      "may still be charged",
    );
    expect(toRunError(await answered(503, { detail: "x", error_type: "runner_scheduling_failure" })).billing).toBe(
      "fal does not bill failed runs: it charges only for successful outputs.",
    );
  });

  it("words a failure only the status reported, by the status's error_type", () => {
    expect(statusRunError("Runner disconnected", "runner_disconnected")).toMatchObject({
      message:
        "The runner disconnected from fal while working on this run. Retry in a moment. (fal: Runner disconnected)",
      retryable: true,
    });
    expect(statusRunError("Flagged", "content_policy_violation")).toMatchObject({
      retryable: false,
      kind: "validation",
    });
    expect(statusRunError("Odd", undefined)).toMatchObject({ message: "Odd", retryable: true });
  });
});
