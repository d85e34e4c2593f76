import { expect, test } from "@playwright/test";
import { makePng } from "./fixtures/images";
import { DRAWN_SEED, field, MODEL, openSection, runAndReadBody, UPLOADED, uploadImage } from "./fixtures/form";
import { formReady } from "./fixtures/queue";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("a lighthouse at dusk");
});

test("model and prompt: the simulator receives exactly what was changed", async ({ page }) => {
  await field(page, "Model").fill("runwayml/stable-diffusion-v1-5");
  await field(page, "Negative prompt").fill("blurry\nlow quality");
  await field(page, "Prompt weighting").check();
  await openSection(page, "Model details");
  await field(page, "U-Net").fill("someone/unet");
  await field(page, "Variant").fill("fp16");

  expect(await runAndReadBody(page)).toEqual({
    model_name: "runwayml/stable-diffusion-v1-5",
    prompt: "a lighthouse at dusk",
    negative_prompt: "blurry\nlow quality",
    prompt_weighting: true,
    unet_name: "someone/unet",
    variant: "fp16",
    seed: DRAWN_SEED,
  });
});

test("init image: a dropped file is uploaded and its URL sent with the noise strength", async ({ page }) => {
  const zone = page.getByRole("group", { name: "Init image drop zone" });
  const dataTransfer = await page.evaluateHandle(
    async (bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], "dropped.png", { type: "image/png" }));
      return transfer;
    },
    [...(await makePng(128, 96))],
  );
  await zone.dispatchEvent("drop", { dataTransfer });
  await expect(page.getByText("128 × 96")).toBeVisible();
  await field(page, "Noise strength").fill("0.8");

  const body = await runAndReadBody(page);
  expect(body).toEqual({
    model_name: MODEL,
    prompt: "a lighthouse at dusk",
    image_url: UPLOADED,
    noise_strength: 0.8,
    seed: DRAWN_SEED,
  });

  await page.getByRole("button", { name: "Remove init image" }).click();
  await expect(page.getByRole("img", { name: "Init image preview" })).toHaveCount(0);
});

test("init image: an image pasted on the page (focus outside any field) becomes the init image", async ({ page }) => {
  await page.locator("h1").click();
  await page.evaluate(
    async (bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], "pasted.png", { type: "image/png" }));
      document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true }));
    },
    [...(await makePng(96, 64))],
  );
  await expect(page.getByRole("img", { name: "Init image preview" })).toBeVisible();
  await expect(page.getByText("96 × 64")).toBeVisible();

  expect((await runAndReadBody(page)).image_url).toEqual(UPLOADED);
});

test("LoRAs: added, reordered and removed items are sent in order; a Civitai page gets its download URL", async ({
  page,
}) => {
  for (let index = 0; index < 3; index += 1) await page.getByRole("button", { name: "Add LoRA" }).click();
  await field(page, "LoRA 1 path").fill("first/lora");
  await field(page, "LoRA 2 path").fill("https://civitai.com/models/12345/name?modelVersionId=678");
  await expect(page.getByRole("note")).toContainText("https://civitai.com/api/download/models/678");
  await page.getByRole("button", { name: "Use download URL" }).click();
  await field(page, "LoRA 2 scale").fill("0.6");
  await expect(page.getByLabel(/force/i)).toHaveCount(0);
  await field(page, "LoRA 3 path").fill("third/lora");
  await page.getByRole("button", { name: "Move LoRA 3 up" }).click();
  await page.getByRole("button", { name: "Remove LoRA 1" }).click();

  expect((await runAndReadBody(page)).loras).toEqual([
    { path: "third/lora" },
    { path: "https://civitai.com/api/download/models/678", scale: 0.6 },
  ]);
});

test("embedding: at most one, with its tokens", async ({ page }) => {
  await openSection(page, "Embedding");
  await page.getByRole("button", { name: "Add embedding" }).click();
  await expect(page.getByRole("button", { name: "Add embedding" })).toHaveCount(0);
  await expect(page.getByText("at most 1 textual-inversion embedding")).toBeVisible();
  await field(page, "Embedding path").fill("someone/embedding");
  await field(page, "Embedding tokens").fill("<a>, <b>");

  expect((await runAndReadBody(page)).embeddings).toEqual([{ path: "someone/embedding", tokens: ["<a>", "<b>"] }]);
});

test("ControlNets: control image, mask, scales, start/end range and the rest", async ({ page }) => {
  await openSection(page, "ControlNets");
  await page.getByRole("button", { name: "Add ControlNet" }).click();
  await field(page, "ControlNet 1 path").fill("diffusers/controlnet-canny-sdxl-1.0");
  await uploadImage(page, "ControlNet 1 control image");
  await uploadImage(page, "ControlNet 1 mask (optional)");
  await field(page, "ControlNet 1 conditioning scale").fill("1.5");
  const start = field(page, "ControlNet 1 start");
  await start.focus();
  for (let step = 0; step < 20; step += 1) await start.press("ArrowRight");
  const end = field(page, "ControlNet 1 end");
  await end.focus();
  for (let step = 0; step < 10; step += 1) await end.press("ArrowLeft");
  await field(page, "ControlNet 1 config URL").fill("https://example.invalid/config.json");
  await field(page, "ControlNet 1 variant").fill("fp16");
  await field(page, "ControlNet 1 IP adapter index").fill("0");
  await field(page, "ControlNet guess mode").check();

  const body = await runAndReadBody(page);
  expect(body.controlnets).toEqual([
    {
      path: "diffusers/controlnet-canny-sdxl-1.0",
      image_url: UPLOADED,
      mask_url: UPLOADED,
      conditioning_scale: 1.5,
      start_percentage: 0.2,
      end_percentage: 0.9,
      config_url: "https://example.invalid/config.json",
      variant: "fp16",
      ip_adapter_index: 0,
    },
  ]);
  expect(body.controlnet_guess_mode).toBe(true);
});

test("IP adapters: a pasted image plus a second one, scale JSON and the encoder fields", async ({ page }) => {
  await openSection(page, "IP adapters");
  await page.getByRole("button", { name: "Add IP adapter" }).click();
  const zone = page.getByRole("group", { name: "IP adapter 1 image 1 drop zone" });
  await zone.evaluate(
    async (element, bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], "pasted.png", { type: "image/png" }));
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true }));
    },
    [...(await makePng(80, 80))],
  );
  await expect(page.getByText("80 × 80")).toBeVisible();
  await page.getByRole("button", { name: "Add another image to IP adapter 1" }).click();
  await uploadImage(page, "IP adapter 1 image 2", 72, 72);
  await field(page, "IP adapter 1 path").fill("h94/IP-Adapter");
  await field(page, "IP adapter 1 model subfolder").fill("sdxl_models");
  await field(page, "IP adapter 1 weight name").fill("ip-adapter-plus_sdxl_vit-h.safetensors");
  await field(page, "IP adapter 1 InsightFace model path").fill("buffalo_l");
  await field(page, "IP adapter 1 scale").fill("0.7");
  const scaleJson = field(page, "IP adapter 1 scale JSON");
  await scaleJson.fill('{"up": ');
  await expect(page.getByText(/^Not valid JSON/)).toBeVisible();
  await scaleJson.fill('{"up": {"block_0": [0, 1, 0]}}');
  await expect(page.getByText(/^Not valid JSON/)).toHaveCount(0);
  await field(page, "IP adapter 1 unconditional noising factor").fill("0.1");
  await field(page, "IP adapter 1 image projection shortcut").uncheck();
  await field(page, "Image encoder path").fill("h94/IP-Adapter");
  await field(page, "Image encoder subfolder").fill("models/image_encoder");
  await field(page, "Image encoder weight name").fill("model.safetensors");

  const body = await runAndReadBody(page);
  expect(body.ip_adapter).toEqual([
    {
      ip_adapter_image_url: [UPLOADED, UPLOADED],
      path: "h94/IP-Adapter",
      model_subfolder: "sdxl_models",
      weight_name: "ip-adapter-plus_sdxl_vit-h.safetensors",
      insight_face_model_path: "buffalo_l",
      scale: 0.7,
      scale_json: { up: { block_0: [0, 1, 0] } },
      unconditional_noising_factor: 0.1,
      image_projection_shortcut: false,
    },
  ]);
  expect(body).toMatchObject({
    image_encoder_path: "h94/IP-Adapter",
    image_encoder_subfolder: "models/image_encoder",
    image_encoder_weight_name: "model.safetensors",
  });
});

test("IP adapters: removing an image leaves each other image its own upload and typed URL", async ({ page }) => {
  await openSection(page, "IP adapters");
  await page.getByRole("button", { name: "Add IP adapter" }).click();
  await field(page, "IP adapter 1 image 1 URL").fill("https://example.invalid/first.png");
  await page.getByRole("button", { name: "Use URL for IP adapter 1 image 1" }).click();
  await expect(page.getByText("No preview: the image could not be loaded here.")).toBeVisible();
  const addImage = page.getByRole("button", { name: "Add another image to IP adapter 1" });
  await addImage.click();
  await expect(field(page, "IP adapter 1 image 2 URL")).toBeVisible();
  await addImage.click();
  await field(page, "IP adapter 1 image 3 URL").fill("https://example.invalid/third.png");

  // The second image's upload is held at its start, so it is still under way when the first goes.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/fal/proxy", async (route) => {
    if (!(route.request().headers()["x-fal-target-url"] ?? "").includes("/storage/upload/initiate"))
      return route.fallback();
    await held;
    return route.fallback();
  });
  await field(page, "IP adapter 1 image 2").setInputFiles({
    name: "second.png",
    mimeType: "image/png",
    buffer: await makePng(56, 40),
  });
  await expect(page.getByLabel("IP adapter 1 image 2 upload progress")).toBeVisible();
  await page.getByRole("button", { name: "Remove IP adapter 1 image 1", exact: true }).click();

  await expect(page.getByLabel("IP adapter 1 image 1 upload progress")).toBeVisible();
  await expect(field(page, "IP adapter 1 image 2 URL")).toHaveValue("https://example.invalid/third.png");
  await expect(page.getByRole("img", { name: "IP adapter 1 image 1 preview" })).toHaveCount(0);
  release();
  await expect(page.getByText("56 × 40")).toBeVisible();
  await expect(page.getByLabel("IP adapter 1 image 1 upload progress")).toHaveCount(0);
  await field(page, "IP adapter 1 image 2 URL").press("Enter");
  await field(page, "IP adapter 1 path").fill("h94/IP-Adapter");

  const body = await runAndReadBody(page);
  expect(body.ip_adapter).toEqual([
    { ip_adapter_image_url: [UPLOADED, "https://example.invalid/third.png"], path: "h94/IP-Adapter" },
  ]);
});

test("IC-Light: a model URL, an uploaded image and an image given by URL", async ({ page, baseURL }) => {
  await openSection(page, "IC-Light");
  await field(page, "IC-Light model URL").fill("https://example.invalid/iclight.safetensors");
  await uploadImage(page, "IC-Light image");
  const backgroundUrl = `${baseURL}/backgrounds/sky.png`;
  await field(page, "IC-Light background image URL").fill(backgroundUrl);
  await field(page, "IC-Light background image URL").press("Enter");
  await expect(page.getByText("No preview: the image could not be loaded here.")).toBeVisible();

  expect(await runAndReadBody(page)).toMatchObject({
    ic_light_model_url: "https://example.invalid/iclight.safetensors",
    ic_light_image_url: UPLOADED,
    ic_light_model_background_image_url: backgroundUrl,
  });
});

test("sampling: steps, guidance, fixed seed, scheduler and custom timesteps (sigmas then locked)", async ({ page }) => {
  await field(page, "Inference steps").fill("12");
  await field(page, "Guidance scale (CFG)").fill("5");
  await field(page, "Random seed").uncheck();
  await field(page, "Seed").fill("1234");
  await openSection(page, "Sampling");
  await field(page, "Scheduler").selectOption("Euler A");
  await field(page, "CLIP skip").fill("2");
  await field(page, "Eta").fill("0.3");
  await field(page, "Prediction type").selectOption("v_prediction");
  await field(page, "Rescale betas to zero terminal SNR").check();
  await field(page, "Custom timesteps").check();
  await expect(field(page, "Custom sigmas")).toBeDisabled();
  await field(page, "Timesteps list").fill("999, 749 499,249");

  expect(await runAndReadBody(page)).toEqual({
    model_name: MODEL,
    prompt: "a lighthouse at dusk",
    num_inference_steps: 12,
    guidance_scale: 5,
    seed: 1234,
    scheduler: "Euler A",
    clip_skip: 2,
    eta: 0.3,
    prediction_type: "v_prediction",
    rescale_betas_snr_zero: true,
    timesteps: { method: "array", array: [999, 749, 499, 249] },
  });
});

test("seed: the dice rolls a fixed seed that is sent", async ({ page }) => {
  await page.getByRole("button", { name: "Roll a random fixed seed" }).click();
  await expect(field(page, "Random seed")).not.toBeChecked();
  const seed = Number(await field(page, "Seed").inputValue());
  expect(Number.isInteger(seed)).toBe(true);
  expect((await runAndReadBody(page)).seed).toBe(seed);
});

test("tiling and output fields", async ({ page }) => {
  await openSection(page, "Tiling");
  await expect(page.getByText(/stride smaller than the tile/)).toBeVisible();
  await field(page, "Tile width").fill("1024");
  await field(page, "Tile height").fill("768");
  await field(page, "Tile stride width").fill("512");
  await field(page, "Tile stride height").fill("384");
  await openSection(page, "Output");
  await field(page, "Image format").selectOption("jpeg");
  await field(page, "Number of images").fill("2");
  await field(page, "Safety checker").check();
  await field(page, "Debug latents").check();
  await field(page, "Debug per-pass latents").check();

  expect(await runAndReadBody(page)).toEqual({
    model_name: MODEL,
    prompt: "a lighthouse at dusk",
    tile_width: 1024,
    tile_height: 768,
    tile_stride_width: 512,
    tile_stride_height: 384,
    image_format: "jpeg",
    num_images: 2,
    enable_safety_checker: true,
    seed: DRAWN_SEED,
    debug_latents: true,
    debug_per_pass_latents: true,
  });
});
