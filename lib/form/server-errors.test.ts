import { describe, expect, it } from "vitest";
import { fieldLabel, formFieldName, toFormFieldErrors } from "./server-errors";

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

describe("formFieldName", () => {
  it("reads fal's app's singular `controlnet` location as the form's ControlNet list", () => {
    expect(formFieldName(["body", "controlnet", 1, "start_percentage"])).toBe("controlnets.1.start_percentage");
    expect(formFieldName(["body", "controlnets", 1, "start_percentage"])).toBe("controlnets.1.start_percentage");
    expect(formFieldName(["body", "controlnet_guess_mode"])).toBe("controlnet_guess_mode");
    expect(formFieldName(["body"])).toBe("");
  });
});

describe("fieldLabel", () => {
  it("names a field as the page does, list items by their number", () => {
    expect(fieldLabel("controlnets.0.image_url")).toBe("ControlNet 1");
    expect(fieldLabel("ip_adapter.1.ip_adapter_image_url.0")).toBe("IP adapter 2");
    expect(fieldLabel("image_url")).toBe("Init image");
    expect(fieldLabel("timesteps.array.2")).toBe("Timesteps");
    expect(fieldLabel("mystery")).toBe("mystery");
  });
});
