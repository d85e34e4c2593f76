import { describe, expect, it } from "vitest";
import { fieldLabel, formFieldName } from "./server-errors";

describe("formFieldName", () => {
  it("maps body locations, list items included, to form field names", () => {
    expect(formFieldName(["body", "loras", 1, "path"])).toBe("loras.1.path");
    expect(formFieldName(["body", "image_url"])).toBe("image_url");
    expect(formFieldName(["body"])).toBe("");
    expect(formFieldName(["seed"])).toBe("seed");
  });
});

describe("formFieldName for fal's app", () => {
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
