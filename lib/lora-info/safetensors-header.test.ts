import { describe, expect, it } from "vitest";
import { hostileFiles, kohyaSd15 } from "./sample-files";
import { HeaderError, headerLength, MAX_HEADER_BYTES, notSafetensors, parseHeader } from "./safetensors-header";

const header = (file: { head: Uint8Array }) => parseHeader(file.head.subarray(8, 8 + headerLength(file.head)));

describe("the safetensors header", () => {
  it("reads a header's tensors and metadata", () => {
    const { tensors, metadata } = header(kohyaSd15(true));
    expect(tensors.get("lora_te_text_model_encoder_layers_0_mlp_fc1.lora_down.weight")).toEqual({
      dtype: "F16",
      shape: [16, 768],
      offsets: expect.any(Array),
    });
    expect(metadata.ss_network_dim).toBe("16");
  });

  it("refuses a length of 2^63 or of 1 GiB, saying so", () => {
    expect(() => headerLength(hostileFiles.hugeLength().head)).toThrow(
      "The file says its header is 9223372036854775808 bytes; headers over 16 MiB are not read.",
    );
    expect(() => headerLength(hostileFiles.gibibyteHeader().head)).toThrow(
      "The file says its header is 1024 MiB; headers over 16 MiB are not read.",
    );
    expect(MAX_HEADER_BYTES).toBe(16 * 1024 * 1024);
  });

  it("refuses a header that is not JSON, or nests far deeper than a header can", () => {
    expect(() => header(hostileFiles.notJson())).toThrow(HeaderError);
    const started = performance.now();
    expect(() => header(hostileFiles.deeplyNested())).toThrow("nests deeper than a safetensors header can");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("says a file cut short before its length is truncated", () => {
    expect(() => headerLength(new Uint8Array(3))).toThrow(expect.objectContaining({ kind: "truncated" }));
  });

  it("names web pages, JSON errors and pickled checkpoints", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(notSafetensors(bytes("<!DOCTYPE html><html>"))).toMatch(/web page/);
    expect(notSafetensors(bytes('{"error":"Unauthorized"}'))).toMatch(/JSON message/);
    expect(notSafetensors(bytes("PK\u0003\u0004rest"))).toMatch(/pickled PyTorch/);
    expect(notSafetensors(kohyaSd15(false).head)).toBeUndefined();
  });
});
