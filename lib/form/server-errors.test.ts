import { describe, expect, it } from "vitest";
import { formFieldName } from "./server-errors";

describe("formFieldName", () => {
  it("maps body locations, list items included, to form field names", () => {
    expect(formFieldName(["body", "loras", 1, "path"])).toBe("loras.1.path");
    expect(formFieldName(["body", "image_url"])).toBe("image_url");
    expect(formFieldName(["body"])).toBe("");
    expect(formFieldName(["seed"])).toBe("seed");
  });
});
