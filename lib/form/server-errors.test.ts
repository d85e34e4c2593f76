import { describe, expect, it } from "vitest";
import { toFormFieldErrors } from "./server-errors";

describe("toFormFieldErrors", () => {
  it("maps body locations, list items included, to form field names", () => {
    expect(
      toFormFieldErrors([
        { loc: ["body", "loras", 1, "path"], msg: "Could not download the LoRA.", type: "value_error" },
        { loc: ["body", "image_url"], msg: "Could not load the init image.", type: "value_error" },
        { loc: ["body"], msg: "Bad body.", type: "value_error" },
      ]),
    ).toEqual([
      { name: "loras.1.path", message: "Could not download the LoRA." },
      { name: "image_url", message: "Could not load the init image." },
    ]);
  });
});
