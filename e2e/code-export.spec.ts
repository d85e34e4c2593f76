import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { DRAWN_SEED, field, openSection, runAndReadBody } from "./fixtures/form";
import { formReady } from "./fixtures/queue";

const run = promisify(execFile);

test("code export shows the request in three languages and copies it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await formReady(page);
  await page.getByLabel("Prompt", { exact: true }).fill("a lighthouse at dusk");
  await page.getByLabel("Noise strength", { exact: true }).fill("0.7");
  await page.getByRole("button", { name: "Code" }).click();

  const javascript = page.getByLabel("JavaScript code");
  await expect(javascript).toContainText('prompt: "a lighthouse at dusk",');
  await expect(javascript).toContainText("noise_strength: 0.7,");
  await page.getByRole("button", { name: "Copy JavaScript code" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await javascript.textContent());

  await page.getByRole("button", { name: "Python", exact: true }).click();
  await expect(page.getByLabel("Python code")).toContainText('"prompt": "a lighthouse at dusk",');
  await page.getByRole("button", { name: "cURL", exact: true }).click();
  const curl = page.getByLabel("cURL code");
  await expect(curl).toContainText("https://queue.fal.run/fal-ai/lora/image-to-image");
  await expect(curl).toContainText('"noise_strength": 0.7');

  await page.getByLabel("Prompt", { exact: true }).fill("changed live");
  await expect(curl).toContainText('"prompt": "changed live"');
});

test("the generated JavaScript snippet runs against the simulator", async ({ page, baseURL }, testInfo) => {
  await page.goto("/");
  await formReady(page);
  await page.getByLabel("Prompt", { exact: true }).fill("a red fox in snow");
  await page.getByRole("button", { name: "Code" }).click();
  const snippet = (await page.getByLabel("JavaScript code").textContent()) ?? "";
  const configLine = "fal.config({ credentials: process.env.FAL_KEY });";
  expect(snippet).toContain(configLine);

  const file = testInfo.outputPath("snippet.mjs");
  await writeFile(
    file,
    snippet.replace(
      configLine,
      `fal.config({ proxyUrl: { url: ${JSON.stringify(`${baseURL}/api/fal/proxy`)}, when: "always" } });`,
    ),
  );
  const { stdout, stderr } = await run(process.execPath, [file], {
    timeout: 30_000,
    env: { ...process.env, FAL_KEY: "" },
  });
  const result = JSON.parse(stdout) as { images: { url: string; width: number }[]; seed: number };
  expect(result.images).toHaveLength(1);
  expect(result.images[0]?.url).toContain("/api/simulator/files/");
  expect(stderr).toMatch(/^Step \d+\/30$/m);
});

test("with a LoRA and a ControlNet in the form, the Code panel shows exactly the body Run sends", async ({ page }) => {
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("a lighthouse at dusk");
  await page.getByRole("button", { name: "Add LoRA" }).click();
  await field(page, "LoRA 1 path").fill("nerijs/pixel-art-xl");
  await openSection(page, "ControlNets");
  await page.getByRole("button", { name: "Add ControlNet" }).click();
  await field(page, "ControlNet 1 path").fill("diffusers/controlnet-canny-sdxl-1.0");
  await field(page, "ControlNet 1 control image URL").fill(
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  );
  await page.getByRole("button", { name: "Use URL for ControlNet 1 control image" }).click();

  await page.getByRole("button", { name: "Code" }).click();
  await page.getByRole("button", { name: "cURL", exact: true }).click();
  const curl = (await page.getByLabel("cURL code").textContent()) ?? "";
  const shown = JSON.parse(/--data '([^']*)'/.exec(curl)?.[1] ?? "") as Record<string, unknown>;
  expect(shown.loras).toEqual([{ path: "nerijs/pixel-art-xl" }]);

  // With "Random seed" on, Run adds the seed it drew; the panel says so, and everything else is equal.
  await expect(page.getByText("Run draws a seed and sends it")).toBeVisible();
  expect(await runAndReadBody(page)).toEqual({ ...shown, seed: DRAWN_SEED });
});
