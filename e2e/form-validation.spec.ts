import { expect, test } from "@playwright/test";
import { compressToEncodedURIComponent } from "lz-string";
import { field, MODEL, openSection, runAndReadBody } from "./fixtures/form";
import { formReady } from "./fixtures/queue";

test("an invalid field in a collapsed group stops the run, opens the group and takes focus", async ({ page }) => {
  await page.goto("/");
  let submitted = false;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/fal/proxy") && request.method() === "POST") submitted = true;
  });
  await field(page, "Prompt").fill("a lighthouse");
  await openSection(page, "Tiling");
  await field(page, "Tile width").fill("50");
  await page.locator("summary", { hasText: "Tiling" }).click();

  await page.getByRole("button", { name: /^Run/ }).click();
  const tileWidth = field(page, "Tile width");
  await expect(tileWidth).toBeFocused();
  await expect(tileWidth).toHaveAttribute("aria-invalid", "true");
  await expect(tileWidth).toHaveAccessibleDescription("Tile width must be at least 128.");
  expect(submitted).toBe(false);

  await tileWidth.fill("512");
  await expect(tileWidth).not.toHaveAttribute("aria-invalid", "true");
});

test("Ctrl+Enter runs from the prompt", async ({ page }) => {
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("keyboard only");
  const submit = page.waitForResponse(
    (response) => response.url().endsWith("/api/fal/proxy") && response.request().method() === "POST",
  );
  await field(page, "Prompt").press("Control+Enter");
  expect((await submit).status()).toBe(200);
  await expect(page.getByRole("article").first()).toHaveAttribute("data-status", "completed");
});

test("an image fal's app cannot load: its 422 sentence lands on the field holding that URL", async ({
  page,
  baseURL,
}) => {
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("a lighthouse");
  await openSection(page, "ControlNets");
  await page.getByRole("button", { name: "Add ControlNet" }).click();
  await field(page, "ControlNet 1 path").fill("diffusers/controlnet-canny-sdxl-1.0");
  await field(page, "ControlNet 1 control image URL").fill(`${baseURL}/api/simulator/files/missing/control.png`);
  await page.getByRole("button", { name: "Use URL for ControlNet 1 control image" }).click();
  await page.locator("summary", { hasText: "ControlNets" }).click();

  const body = await runAndReadBody(page);
  expect(body).toMatchObject({
    model_name: MODEL,
    controlnets: [{ image_url: `${baseURL}/api/simulator/files/missing/control.png` }],
  });

  const card = page.getByRole("article").first();
  await expect(card).toHaveAttribute("data-status", "failed");
  await expect(card.getByRole("alert")).toContainText(`ControlNet 1: fal could not load this image.`);
  await expect(card.getByRole("alert")).toContainText(
    `Could not load image from url: ${baseURL}/api/simulator/files/missing/control.png`,
  );
  await expect(card.getByRole("button", { name: /Retry/ })).toHaveCount(0);
  const controlImage = field(page, "ControlNet 1 control image");
  await expect(controlImage).toHaveAttribute("aria-invalid", "true");
  await expect(controlImage).toHaveAccessibleDescription(
    /fal could not load this image: Could not load image from url: /,
  );
  await expect(controlImage).toBeFocused();
});

test("a refusal inside a group never opened renders its fields, opens it and takes focus", async ({
  page,
  baseURL,
}) => {
  const missing = `${baseURL}/api/simulator/files/missing/control.png`;
  const settings = {
    model_name: MODEL,
    prompt: "from a link",
    controlnets: [{ path: "diffusers/controlnet-canny-sdxl-1.0", image_url: missing }],
  };
  await page.goto(`/#s=1.${compressToEncodedURIComponent(JSON.stringify(settings))}`);
  await expect(page.getByRole("status", { name: "Restored settings" })).toBeVisible();
  await expect(page.locator("summary", { hasText: "ControlNets" })).toContainText("1 added");
  await expect(field(page, "ControlNet 1 path")).toHaveCount(0);

  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(page.getByRole("article").first()).toHaveAttribute("data-status", "failed");
  const controlImage = field(page, "ControlNet 1 control image");
  await expect(controlImage).toHaveAttribute("aria-invalid", "true");
  await expect(controlImage).toBeFocused();
  await expect(field(page, "ControlNet 1 path")).toHaveValue("diffusers/controlnet-canny-sdxl-1.0");
});

test("a missing IP-adapter image is named on that image's field", async ({ page }) => {
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("a lighthouse");
  await openSection(page, "IP adapters");
  await page.getByRole("button", { name: "Add IP adapter" }).click();
  await field(page, "IP adapter 1 path").fill("h94/IP-Adapter");
  await page.getByRole("button", { name: /^Run/ }).click();

  const image = field(page, "IP adapter 1 image 1");
  await expect(image).toHaveAttribute("aria-invalid", "true");
  await expect(image).toHaveAccessibleDescription("IP adapter image is required.");
  await expect(image).toBeFocused();
});
