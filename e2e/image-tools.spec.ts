import { expect, type Locator, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { makePng } from "./fixtures/images";
import { field, openSection, runAndReadBody, UPLOADED, uploadImage } from "./fixtures/form";
import { formReady } from "./fixtures/queue";

/** Drags across a canvas: with the mouse, or with a real touch through Chromium's input layer. */
async function drag(page: Page, canvas: Locator, touch: boolean): Promise<void> {
  const box = await canvas.boundingBox();
  if (!box) throw new Error("The mask canvas is not on screen.");
  const points = [0.2, 0.35, 0.5, 0.65, 0.8].map((at) => ({
    x: box.x + box.width * at,
    y: box.y + box.height * (1 - at),
  }));
  const [first, ...rest] = points;
  if (!first) return;
  if (!touch) {
    await page.mouse.move(first.x, first.y);
    await page.mouse.down();
    for (const point of rest) await page.mouse.move(point.x, point.y, { steps: 4 });
    await page.mouse.up();
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [first] });
  for (const point of rest) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [point] });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

/** The image behind a URL the page set, as raw grey levels. */
async function readImage(page: Page, url: unknown) {
  expect(typeof url).toBe("string");
  const response = await page.request.get(String(url));
  expect(response.status()).toBe(200);
  const { data, info } = await sharp(await response.body())
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const levels = new Set(data);
  const white = data.filter((level) => level === 255).length;
  return { width: info.width, height: info.height, levels, whiteShare: white / data.length };
}

const dialog = (page: Page) => page.getByRole("dialog");

async function expectScheme(page: Page, scheme: "light" | "dark"): Promise<void> {
  const background = await dialog(page).evaluate((element) => getComputedStyle(element).backgroundColor);
  if (scheme === "light") expect(background).toBe("rgb(255, 255, 255)");
  else expect(background).not.toBe("rgb(255, 255, 255)");
}

for (const { device, viewport, touch } of [
  { device: "desktop", viewport: { width: 1280, height: 800 }, touch: false },
  { device: "phone", viewport: { width: 390, height: 844 }, touch: true },
]) {
  for (const scheme of ["light", "dark"] as const) {
    test.describe(`on a ${device} in ${scheme}`, () => {
      test.use({ viewport, hasTouch: touch, isMobile: touch, colorScheme: scheme });

      test("an edge map of the init image becomes the control image, and a painted mask its mask, both 512 × 384", async ({
        page,
      }) => {
        await page.goto("/");
        await formReady(page);
        await field(page, "Prompt").fill("a lighthouse at dusk");
        await uploadImage(page, "Init image", 500, 380);
        await openSection(page, "ControlNets");
        await page.getByRole("button", { name: "Add ControlNet" }).click();
        await field(page, "ControlNet 1 path").fill("diffusers/controlnet-canny-sdxl-1.0");

        await page.getByRole("button", { name: "Edge map for ControlNet 1" }).click();
        await expect(dialog(page)).toBeVisible();
        await expectScheme(page, scheme);
        await expect(page.getByRole("radio", { name: "Init image" })).toBeChecked();
        await expect(dialog(page)).toContainText("The control image is made at 512 × 384");
        await expect(page.getByRole("img", { name: "Edge map preview, Canny edges" })).toBeVisible();
        await page.getByLabel("Low threshold").fill("40");
        await page.getByLabel("High threshold").fill("90");
        await page.getByRole("button", { name: "Use as control image" }).click();
        await expect(dialog(page)).toHaveCount(0);
        await expect(page.getByRole("img", { name: "ControlNet 1 control image preview" })).toBeVisible();

        await page.getByRole("button", { name: "Paint mask for ControlNet 1" }).click();
        await expect(dialog(page)).toContainText(
          "The mask is made at 512 × 384, the size of ControlNet 1's control image",
        );
        await expect(page.getByRole("status").filter({ hasText: "painted" })).toHaveText("0% painted");
        await drag(page, page.getByLabel(/^Mask, 512 × 384/), touch);
        await expect(page.getByRole("status").filter({ hasText: "painted" })).not.toHaveText("0% painted");
        await page.getByRole("button", { name: "Undo" }).click();
        await expect(page.getByRole("status").filter({ hasText: "painted" })).toHaveText("0% painted");
        await page.getByRole("button", { name: "Redo" }).click();
        await expect(page.getByRole("status").filter({ hasText: "painted" })).not.toHaveText("0% painted");
        await page.getByRole("button", { name: "Use this mask" }).click();
        await expect(dialog(page)).toHaveCount(0);
        await expect(page.getByRole("img", { name: "ControlNet 1 mask (optional) preview" })).toBeVisible();

        const [controlNet] = (await runAndReadBody(page)).controlnets as { image_url: string; mask_url: string }[];
        expect(controlNet).toMatchObject({ image_url: UPLOADED, mask_url: UPLOADED });
        const edges = await readImage(page, controlNet?.image_url);
        const mask = await readImage(page, controlNet?.mask_url);
        for (const image of [edges, mask]) {
          expect([image.width, image.height]).toEqual([512, 384]);
          expect([...image.levels].sort((a, b) => a - b)).toEqual([0, 255]);
        }
        expect(edges.whiteShare).toBeGreaterThan(0.003);
        expect(edges.whiteShare).toBeLessThan(0.2);
        expect(mask.whiteShare).toBeGreaterThan(0.01);
      });
    });
  }
}

test("a control image not divisible by 32 is resized with its mask; keys undo and resize the brush", async ({
  page,
}) => {
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("a lighthouse at dusk");
  await openSection(page, "ControlNets");
  await page.getByRole("button", { name: "Add ControlNet" }).click();
  await field(page, "ControlNet 1 path").fill("diffusers/controlnet-canny-sdxl-1.0");
  await uploadImage(page, "ControlNet 1 control image", 300, 200);

  await page.getByRole("button", { name: "Paint mask for ControlNet 1" }).click();
  await expect(dialog(page)).toContainText(
    "ControlNet 1's control image is 300 × 200, so the mask is made at 288 × 192 (resized, not padded)",
  );
  const brush = page.getByLabel("Brush size");
  const before = Number(await brush.inputValue());
  await dialog(page).press("]");
  expect(Number(await brush.inputValue())).toBeGreaterThan(before);
  await drag(page, page.getByLabel(/^Mask, 288 × 192/), false);
  await expect(page.getByRole("status").filter({ hasText: "painted" })).not.toHaveText("0% painted");
  await dialog(page).press("ControlOrMeta+z");
  await expect(page.getByRole("status").filter({ hasText: "painted" })).toHaveText("0% painted");
  await page.getByRole("button", { name: "Invert" }).click();
  await expect(page.getByRole("status").filter({ hasText: "painted" })).toHaveText("100% painted");
  await expect(
    page.getByRole("checkbox", { name: /Also replace ControlNet 1's control image with a copy resized to 288 × 192/ }),
  ).toBeChecked();
  await page.getByRole("button", { name: "Use this mask" }).click();
  await expect(dialog(page)).toHaveCount(0);

  const [controlNet] = (await runAndReadBody(page)).controlnets as { image_url: string; mask_url: string }[];
  const control = await readImage(page, controlNet?.image_url);
  const mask = await readImage(page, controlNet?.mask_url);
  expect([control.width, control.height, mask.width, mask.height]).toEqual([288, 192, 288, 192]);
  expect(mask.whiteShare).toBe(1);
});

test("an IP adapter without an image is masked over the init image, at the init image's own size", async ({ page }) => {
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("a lighthouse at dusk");
  await page
    .getByLabel("Init image", { exact: true })
    .setInputFiles({ name: "init.png", mimeType: "image/png", buffer: await makePng(200, 150) });
  await expect(page.getByText("200 × 150")).toBeVisible();
  await openSection(page, "IP adapters");
  await page.getByRole("button", { name: "Add IP adapter" }).click();
  await page.getByRole("button", { name: "Paint mask for IP adapter 1" }).click();
  await expect(dialog(page)).toContainText(
    "IP adapter 1 has no image yet, so you paint over the init image. The mask is made at 200 × 150",
  );
  await drag(page, page.getByLabel(/^Mask, 200 × 150/), false);
  await page.getByRole("button", { name: "Use this mask" }).click();
  await expect(dialog(page)).toHaveCount(0);
  const preview = page.getByRole("img", { name: "IP adapter 1 mask (optional) preview" });
  await expect(preview).toBeVisible();
  const mask = await readImage(page, await preview.getAttribute("src"));
  expect([mask.width, mask.height]).toEqual([200, 150]);
  expect(mask.whiteShare).toBeGreaterThan(0.01);
});
