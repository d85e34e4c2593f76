import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { newControlNet, newIpAdapter } from "./form-items";
import { formResolver } from "./form-resolver";
import { defaultFormValues, type FormValues } from "./form-values";
import { SIMULATOR_FILE_MESSAGE, simulatorFileFields } from "./simulator-files";

const ORIGIN = "https://playground.test";
const stored = (name: string) => `${ORIGIN}/api/simulator/files/tok_${name}/${name}.png`;
const options: ResolverOptions<FormValues> = { fields: {}, shouldUseNativeValidation: false };

describe("simulator files in fal mode", () => {
  it("finds this server's simulator files in every image field, and nothing else", () => {
    const body = {
      model_name: "m",
      prompt: "p",
      image_url: stored("init"),
      controlnets: [{ path: "c", image_url: "https://v3.fal.media/files/c.png", mask_url: stored("mask") }],
      ip_adapter: [{ path: "h94/IP-Adapter", ip_adapter_image_url: ["https://x.test/a.png", stored("style")] }],
      ic_light_image_url: "https://elsewhere.test/api/simulator/files/tok_x/x.png",
    };
    expect(simulatorFileFields(body, ORIGIN)).toEqual([
      "image_url",
      "controlnets.0.mask_url",
      "ip_adapter.0.ip_adapter_image_url.1",
    ]);
  });

  it("are refused on their fields before Run in fal mode, and let through by the simulator", async () => {
    const values: FormValues = {
      ...defaultFormValues,
      prompt: "a fox",
      image_url: stored("init"),
      controlnets: [{ ...newControlNet(), path: "c", image_url: stored("control") }],
      ip_adapter: [{ ...newIpAdapter(), path: "h94/IP-Adapter", ip_adapter_image_url: [stored("style")] }],
    };
    const fal = await formResolver(values, { mode: "fal", origin: ORIGIN }, options);
    expect(fal.errors.image_url?.message).toBe(SIMULATOR_FILE_MESSAGE);
    expect(fal.errors.controlnets?.[0]?.image_url?.message).toBe(SIMULATOR_FILE_MESSAGE);
    expect(fal.errors.ip_adapter?.[0]?.ip_adapter_image_url?.message).toBe(SIMULATOR_FILE_MESSAGE);
    expect(await formResolver(values, { mode: "simulator", origin: ORIGIN }, options)).toEqual({ values, errors: {} });
  });
});
