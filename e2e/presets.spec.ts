import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { formReady } from "./fixtures/queue";

test("a built-in preset fills the form and uploads its bundled image", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Presets" }).click();
  await page.getByRole("button", { name: "Load preset Canny ControlNet" }).click();
  await expect(page.getByRole("status").filter({ hasText: 'Loaded "Canny ControlNet".' })).toBeVisible();
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue(
    "a small stone chapel on a hill at sunset, watercolor",
  );
  await expect(page.getByLabel("Model", { exact: true })).toHaveValue("runwayml/stable-diffusion-v1-5");
  await expect(page.getByLabel("Noise strength", { exact: true })).toHaveValue("0.9");

  await page.getByRole("button", { name: "Code" }).click();
  const code = page.getByRole("region", { name: "Code" }).getByLabel("JavaScript code");
  await expect(code).toContainText('path: "lllyasviel/control_v11p_sd15_canny"');
  await expect(code).toContainText("/api/simulator/files/");
  await expect(code).not.toContainText("/presets/canny-edges.png");
});

test("own presets: save, survive a reload, load, rename, export, delete and import", async ({ page }) => {
  await page.goto("/");
  await formReady(page);
  await page.getByLabel("Prompt", { exact: true }).fill("my fox");
  await page.getByLabel("Noise strength", { exact: true }).fill("0.8");
  await page.getByRole("button", { name: "Presets" }).click();
  await page.getByRole("button", { name: "Save current settings" }).click();
  await expect(page.getByText("Give the preset a name.")).toBeVisible();
  await expect(page.getByLabel("Preset name")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Preset name").fill("Fox");
  await page.getByRole("button", { name: "Save current settings" }).click();

  await page.reload();
  await page.getByLabel("Prompt", { exact: true }).fill("something else");
  await page.getByRole("button", { name: "Presets" }).click();
  await page.getByRole("button", { name: "Load preset Fox" }).click();
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("my fox");
  await expect(page.getByLabel("Noise strength", { exact: true })).toHaveValue("0.8");

  await page.getByRole("button", { name: "Rename preset Fox" }).click();
  await page.getByLabel("New name for Fox").fill("Foxes");
  await page.getByRole("button", { name: "Save name" }).click();
  const presets = page.getByRole("list", { name: "Your presets" });
  await expect(presets).toContainText("Foxes");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export presets" }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, "utf8")) as { presets: { name: string; request: unknown }[] };
  expect(exported.presets).toEqual([
    {
      name: "Foxes",
      request: { model_name: "stabilityai/stable-diffusion-xl-base-1.0", prompt: "my fox", noise_strength: 0.8 },
      savedAt: expect.any(String),
    },
  ]);

  await page.getByRole("button", { name: "Delete preset Foxes" }).click();
  await expect(page.getByText("No saved presets yet.")).toBeVisible();

  await page.getByLabel("Import presets file").setInputFiles(file);
  await expect(page.getByRole("status").filter({ hasText: "Imported 1 preset" })).toBeVisible();
  await expect(presets).toContainText("Foxes");

  await page
    .getByLabel("Import presets file")
    .setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from("{oops") });
  await expect(page.getByRole("alert").filter({ hasText: "The file is not JSON" })).toBeVisible();
  await expect(presets).toContainText("Foxes");
});

test("saved presets that cannot be read are named, and the readable ones kept", async ({ page }) => {
  await page.addInitScript(() => {
    const stored = [{ name: "Readable", request: { prompt: "kept", num_images: 80 } }, { request: {} }];
    window.localStorage.setItem("fal-lora-playground:presets:v1", JSON.stringify(stored));
  });
  await page.goto("/");
  await page.getByRole("button", { name: "Presets" }).click();
  const problem = page.getByRole("alert").filter({ hasText: "Not all of your saved presets could be read." });
  await expect(problem).toContainText('Preset "Readable", Number of images: Number of images must be at most 8.');
  await expect(problem).toContainText("A preset without a usable name was skipped.");
  await expect(page.getByRole("list", { name: "Your presets" }).getByRole("listitem")).toHaveCount(1);
});
