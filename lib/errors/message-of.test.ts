import { describe, expect, it } from "vitest";
import { messageOf } from "./message-of";

describe("messageOf", () => {
  it("reads an Error's message, and anything else as text", () => {
    expect(messageOf(new TypeError("Failed to fetch"))).toBe("Failed to fetch");
    expect(messageOf("quota")).toBe("quota");
    expect(messageOf(404)).toBe("404");
  });

  it("says the fallback for what is not an Error, or an Error that says nothing", () => {
    expect(messageOf({ code: 1 }, "The download failed.")).toBe("The download failed.");
    expect(messageOf(new Error(""), "The download failed.")).toBe("The download failed.");
    expect(messageOf(new Error("disk full"), "The download failed.")).toBe("disk full");
  });
});
