import { readFile } from "node:fs/promises";
import { createFalClient } from "@fal-ai/client";
import sharp from "sharp";
import { expect, test } from "@playwright/test";
import { minimalBody } from "@/lib/fal/defaults";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { embedSettingsInPng, readSettingsFromPng } from "@/lib/share/png-settings";
import { makePng } from "./fixtures/images";
import { handToPage } from "./fixtures/page-drop";
import { runCard, startRun, formReady } from "./fixtures/queue";

/** A plain string so the client's types for another endpoint's shapes do not apply (docs/fal.md#input). */
const endpoint: string = "fal-ai/lora/image-to-image";

const request: LoraRequest = {
  model_name: "runwayml/stable-diffusion-v1-5",
  prompt: "a paper boat on a pond, 水彩",
  noise_strength: 0.42,
  num_inference_steps: 8,
  seed: 1234,
};

/** The body the settings inside a PNG would send. */
function bodyIn(png: Uint8Array): LoraRequest | { error: string } {
  const reading = readSettingsFromPng(png);
  return "error" in reading ? reading : minimalBody(reading.values);
}

async function simulatedPng(baseURL: string | undefined): Promise<Uint8Array> {
  const fal = createFalClient({ proxyUrl: { url: `${baseURL}/api/fal/proxy`, when: "always" } });
  const { data } = await fal.subscribe(endpoint, { input: request, pollInterval: 100 });
  const url = (data as { images: { url: string }[] }).images[0]?.url ?? "";
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

/** Hands the page a file the way a drop or a paste does. */
test("a simulator PNG with embedded settings, dropped on the page, restores them", async ({ page, baseURL }) => {
  const png = embedSettingsInPng(await simulatedPng(baseURL), request);
  expect(bodyIn(png)).toEqual(request);

  await page.goto("/");
  await expect(page.getByText("PNG downloads carry their settings")).toBeVisible();
  await handToPage(page, "drop", png, "result.png", "image/png");
  const dialog = page.getByRole("dialog", { name: "Restore settings from this image?" });
  await expect(dialog).toContainText("a paper boat on a pond, 水彩");
  await dialog.getByRole("button", { name: "Restore" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("a paper boat on a pond, 水彩");
  await expect(page.getByLabel("Model", { exact: true })).toHaveValue("runwayml/stable-diffusion-v1-5");
  await expect(page.getByLabel("Noise strength", { exact: true })).toHaveValue("0.42");
  await expect(page.getByRole("status", { name: "Restored settings" })).toContainText(
    "Settings restored from the image.",
  );

  await page.getByRole("button", { name: "Code" }).click();
  await expect(page.getByLabel("JavaScript code")).toContainText("num_inference_steps: 8,");
  await expect(page.getByLabel("JavaScript code")).toContainText("seed: 1234,");
});

test("an image without settings says plainly that only PNG downloads carry them, and becomes the init image", async ({
  page,
}) => {
  await page.goto("/");
  await handToPage(page, "paste", new Uint8Array(await makePng(80, 72)), "plain.png", "image/png");
  const note = page.getByRole("status").filter({ hasText: "is now the init image" });
  await expect(note).toContainText("Only PNGs from this playground, AUTOMATIC1111, Forge or Fooocus do.");
  await expect(page.getByRole("img", { name: "Init image preview" })).toBeVisible();
  await expect(page.getByText("80 × 72")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await note.getByRole("button", { name: "Dismiss" }).click();
  await expect(note).toBeHidden();

  const jpeg = await sharp({ create: { width: 64, height: 96, channels: 3, background: "#336699" } })
    .jpeg()
    .toBuffer();
  await handToPage(page, "drop", new Uint8Array(jpeg), "photo.jpg", "image/jpeg");
  await expect(page.getByRole("status").filter({ hasText: "is now the init image" })).toContainText(
    "this file is not a PNG",
  );
  await expect(page.getByText("64 × 96")).toBeVisible();
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("");
});

test("a PNG downloaded from the gallery carries its settings and restores them on another page", async ({
  page,
  browser,
}) => {
  await page.goto("/");
  await formReady(page);
  await page.getByLabel("Noise strength", { exact: true }).fill("0.35");
  await startRun(page, "round trip through a download");
  await expect(runCard(page, "round trip through a download")).toHaveAttribute("data-status", "completed");
  await page.getByRole("list", { name: "Results" }).getByRole("button").first().click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("dialog").getByRole("button", { name: "Download" }).click();
  const download = await downloading;
  const seed = Number(/seed-(\d+)\.png$/.exec(download.suggestedFilename())?.[1]);
  const bytes = new Uint8Array(await readFile(await download.path()));

  const settings = bodyIn(bytes);
  expect(settings).toMatchObject({ prompt: "round trip through a download", noise_strength: 0.35, seed });

  const fresh = await browser.newPage();
  await fresh.goto("/");
  await handToPage(fresh, "drop", bytes, download.suggestedFilename(), "image/png");
  await fresh
    .getByRole("dialog", { name: "Restore settings from this image?" })
    .getByRole("button", { name: "Restore" })
    .click();
  await expect(fresh.getByLabel("Prompt", { exact: true })).toHaveValue("round trip through a download");
  await expect(fresh.getByLabel("Noise strength", { exact: true })).toHaveValue("0.35");
  await fresh.close();
});
