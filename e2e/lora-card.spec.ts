import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { startServer, stopServer } from "../test/next-server";
import { type StandIns, startStandIns } from "../test/lora-stand-ins";
import { field, MODEL, openSection, runAndReadBody } from "./fixtures/form";
import { longestGapMs, startWatchdog } from "./fixtures/main-thread-watchdog";
import { runCard, formReady } from "./fixtures/queue";

/*
 * The LoRA cards against stand-ins on 127.0.0.1: files in the layouts kohya's sd-scripts and
 * diffusers/PEFT write, the Hugging Face Hub and Civitai (test/lora-stand-ins.ts). A playground of
 * this spec's own runs in fal mode (its upstream the e2e server's simulator) with HF_ORIGIN and
 * CIVITAI_ORIGIN on the stand-ins; the hostile files are read by the e2e server, in simulator mode.
 */

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const PORT = E2E_PORT + 40;
const origin = `http://127.0.0.1:${PORT}`;
let standIns: StandIns;
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  standIns = await startStandIns();
  server = await startServer(PORT, {
    FAL_MODE: "fal",
    FAL_KEY: "lora-cards:0123456789abcdef",
    PLAYGROUND_TEST_HOOKS: "1",
    FAL_UPSTREAM_ORIGIN: `http://127.0.0.1:${E2E_PORT}/api/simulator`,
    ALLOW_PRIVATE_URLS: "1",
    HF_ORIGIN: standIns.hfOrigin,
    CIVITAI_ORIGIN: standIns.civitaiOrigin,
  });
});

test.afterAll(async () => {
  if (server) stopServer(server);
  await standIns.close();
});

const file = (name: string) => `${standIns.origin}/files/${name}`;
const card = (page: Page, label: string) => page.getByRole("region", { name: `About ${label}` });
const fitNote = (region: Locator) => region.getByRole("note", { name: "Fit" });

async function addLora(page: Page, path: string, index = 1): Promise<Locator> {
  await page.getByRole("button", { name: "Add LoRA" }).click();
  await field(page, `LoRA ${index} path`).fill(path);
  return card(page, `LoRA ${index}`);
}

/** A port nothing listens on: a host that cannot be reached. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === "object" && address ? address.port : 9;
}

test("a kohya SD 1.5 LoRA by URL: what it is, its trigger words, and one click to a model it fits", async ({
  page,
}) => {
  await page.goto(`${origin}/`);
  await formReady(page);
  await field(page, "Prompt").fill("a castle at dusk");
  const lora = await addLora(page, file("kohya-sd15-meta.safetensors"));
  await expect(lora).toContainText("pixelcastle-sd15");
  await expect(lora).toContainText("SD 1.x");
  await expect(lora).toContainText(
    "kohya / A1111 (lora_down, lora_up) · rank 16 · alpha 8 · trained on sd_v1 at 512 × 512",
  );
  await expect(card(page, "the model")).toContainText("StableDiffusionXLPipeline");
  await expect(fitNote(lora)).toContainText("Made for SD 1.x; the model is SDXL.");

  await expect(lora.getByRole("group", { name: "Frequent training tags" })).toContainText("castle");
  await expect(lora).toContainText("“pixelcastle” is not in the prompt.");
  await lora.getByRole("button", { name: "Add pixelcastle to the prompt" }).click();
  await expect(field(page, "Prompt")).toHaveValue("a castle at dusk, pixelcastle");
  await expect(lora.getByRole("button", { name: "pixelcastle, in the prompt" })).toBeDisabled();
  await expect(lora).not.toContainText("is not in the prompt");

  // The warning never blocks Run; one click switches to a model the LoRA fits.
  await fitNote(lora).getByRole("button", { name: "Use runwayml/stable-diffusion-v1-5 (SD 1.x)" }).click();
  await expect(field(page, "Model")).toHaveValue("runwayml/stable-diffusion-v1-5");
  await expect(card(page, "the model")).toContainText("StableDiffusionPipeline");
  await expect(fitNote(lora)).toHaveCount(0);
  const body = await runAndReadBody(page);
  expect(body).toMatchObject({
    model_name: "runwayml/stable-diffusion-v1-5",
    prompt: "a castle at dusk, pixelcastle",
    loras: [{ path: file("kohya-sd15-meta.safetensors") }],
  });
});

test("every trainer layout, with and without metadata", async ({ page }) => {
  await page.goto(`${origin}/`);
  const cases: [string, string[]][] = [
    ["kohya-sd15.safetensors", ["SD 1.x", "kohya / A1111 (lora_down, lora_up) · rank 16 · alpha 8"]],
    ["kohya-sd15-meta.safetensors", ["pixelcastle-sd15", "trained on sd_v1 at 512 × 512"]],
    ["kohya-sdxl.safetensors", ["SDXL", "kohya / A1111 (lora_down, lora_up) · rank 32 · alpha 16"]],
    ["kohya-sdxl-meta.safetensors", ["Ink Wash XL", "trained on sdxl_base_v1-0 at 1024 × 1024", "inkwash"]],
    ["peft-sdxl.safetensors", ["SDXL", "diffusers / PEFT (lora_A, lora_B) · rank 8"]],
    ["peft-sdxl-meta.safetensors", ["Paper Cut XL", "papercut style"]],
    ["flux-peft.safetensors", ["Flux", "Made for Flux: this endpoint runs SD 1.x, SD 2.x and SDXL models"]],
  ];
  const lora = await addLora(page, file(cases[0]?.[0] ?? ""));
  for (const [name, texts] of cases) {
    await field(page, "LoRA 1 path").fill(file(name));
    await expect(lora.getByText("How this was read")).toBeVisible();
    await lora.getByText("How this was read").click();
    await expect(lora).toContainText(`File${name}`);
    for (const text of texts) await expect(lora).toContainText(text);
    await expect(fitNote(lora)).toHaveCount(name.includes("sd15") || name.includes("flux") ? 1 : 0);
  }
});

test("Hugging Face ids and URLs: the model card, the file diffusers would load, and the URL fal needs", async ({
  page,
}) => {
  await page.goto(`${origin}/`);
  const lora = await addLora(page, "styles/pixel-castle");
  await expect(lora).toContainText("styles/pixel-castle");
  await expect(lora.getByRole("img", { name: "Preview of styles/pixel-castle" })).toBeVisible();
  await expect(lora.getByRole("group", { name: "Trigger words" })).toContainText("pixelcastle");
  // The model card names its base model, so that is the one offered.
  await expect(fitNote(lora).getByRole("button", { name: "Use runwayml/stable-diffusion-v1-5" })).toBeVisible();

  await field(page, "LoRA 1 path").fill("styles/papercut-xl");
  await expect(lora.getByRole("group", { name: "Trigger words" })).toContainText("papercut style");
  await lora.getByText("How this was read").click();
  await expect(lora).toContainText("Filepytorch_lora_weights.safetensors");

  await field(page, "LoRA 1 path").fill(`${standIns.hfOrigin}/styles/inkwash-xl/blob/main/inkwash-xl.safetensors`);
  await lora.getByRole("button", { name: "Use the file's download (resolve) URL" }).click();
  await expect(field(page, "LoRA 1 path")).toHaveValue(
    `${standIns.hfOrigin}/styles/inkwash-xl/resolve/main/inkwash-xl.safetensors`,
  );
  await expect(lora).toContainText("trained on sdxl_base_v1-0");
  await expect(lora.getByRole("note", { name: "Path" })).toHaveCount(0);
});

test("Civitai: trained words, base model and preview; pages and AIRs become download URLs; tokens are explained", async ({
  page,
}) => {
  await page.goto(`${origin}/`);
  const lora = await addLora(page, `${standIns.civitaiOrigin}/api/download/models/1001`);
  await expect(lora).toContainText("Pixel Castle — v1.0");
  await expect(lora).toContainText("trained on SD 1.5");
  await expect(lora.getByRole("group", { name: "Trigger words" })).toContainText("castle on a hill");
  await expect(lora.getByRole("img", { name: "Preview of Pixel Castle — v1.0" })).toBeVisible();

  await field(page, "LoRA 1 path").fill(`${standIns.civitaiOrigin}/models/100/pixel-castle`);
  await expect(lora).toContainText("The page names no version; this is its newest, v1.0.");
  await lora.getByRole("button", { name: "Use the download URL of v1.0" }).click();
  await expect(field(page, "LoRA 1 path")).toHaveValue(`${standIns.civitaiOrigin}/api/download/models/1001`);

  await field(page, "LoRA 1 path").fill("urn:air:sd1:lora:civitai:100@1001");
  await expect(lora.getByRole("button", { name: "Use the download URL of v1.0" })).toBeVisible();

  await field(page, "LoRA 1 path").fill(`${standIns.civitaiOrigin}/api/download/models/2002`);
  const token = lora.getByRole("note", { name: "Civitai token" });
  await expect(token).toContainText("fal's runner gets a 401 without ?token= in the URL");
  await expect(token).toContainText("sits in fal's request history unless the run is kept off it");
  await expect(lora).toContainText("SDXL 1.0");

  await field(page, "LoRA 1 path").fill(`${standIns.civitaiOrigin}/api/download/models/2002?token=my-secret`);
  await expect(token).toContainText("The URL carries a Civitai token.");
  await expect(lora).toContainText("rank 32");
  await expect(lora).not.toContainText("my-secret");
});

test("the model, ControlNets and IP adapters get cards and fit warnings too", async ({ page }) => {
  await page.goto(`${origin}/`);
  await formReady(page);
  await field(page, "Model").fill("black-forest-labs/FLUX.1-dev");
  await expect(fitNote(card(page, "the model"))).toContainText("This is Flux, not SD or SDXL");
  await field(page, "Model").fill(file("sd15-checkpoint.safetensors"));
  await expect(card(page, "the model")).toContainText("single-file checkpoint");
  await expect(card(page, "the model")).toContainText("SD 1.x");
  await field(page, "Model").fill(MODEL);

  await openSection(page, "ControlNets");
  await page.getByRole("button", { name: "Add ControlNet" }).click();
  await field(page, "ControlNet 1 path").fill("lllyasviel/sd-controlnet-canny");
  await expect(fitNote(card(page, "ControlNet 1"))).toContainText("Made for SD 1.x; the model is SDXL.");
  await field(page, "ControlNet 1 path").fill("diffusers/controlnet-canny-sdxl-1.0");
  await expect(card(page, "ControlNet 1")).toContainText("SDXL");
  await expect(fitNote(card(page, "ControlNet 1"))).toHaveCount(0);

  await openSection(page, "IP adapters");
  await page.getByRole("button", { name: "Add IP adapter" }).click();
  await field(page, "IP adapter 1 path").fill("h94/IP-Adapter");
  await field(page, "IP adapter 1 model subfolder").fill("models");
  await field(page, "IP adapter 1 weight name").fill("ip-adapter_sd15.bin");
  await expect(fitNote(card(page, "IP adapter 1"))).toContainText("Made for SD 1.x; the model is SDXL.");
});

test("hostile files are refused with their reason, read no further than needed, and the page stays responsive", async ({
  page,
}) => {
  // The e2e server, in simulator mode, reads these.
  await page.goto("/");
  await formReady(page);
  await field(page, "Model").fill(file("sd15-checkpoint.safetensors"));
  await startWatchdog(page);
  const lora = await addLora(page, file("kohya-sd15.safetensors"));
  await expect(lora).toContainText("SD 1.x");
  const cases: [string, string][] = [
    [
      "huge-length.safetensors",
      "The file says its header is 9223372036854775808 bytes; headers over 16 MiB are not read.",
    ],
    ["gibibyte-header.safetensors", "The file says its header is 1024 MiB; headers over 16 MiB are not read."],
    ["not-json.safetensors", "The header is not a JSON object: this is not safetensors."],
    ["deeply-nested.safetensors", "The header nests deeper than a safetensors header can: it is not one."],
    ["truncated.safetensors", "The file ends after 1008 bytes, inside its"],
  ];
  for (const [name, message] of cases) {
    await field(page, "LoRA 1 path").fill(file(name));
    await expect(lora).toContainText(message);
  }
  // A host that ignores Range and would send 200 MB: the header is read, and little more.
  await field(page, "LoRA 1 path").fill(`${standIns.origin}/plain/endless.safetensors`);
  await expect(lora).toContainText("pixelcastle-sd15");
  await lora.getByText("How this was read").click();
  const read = await lora.getByText(/ of the file \(its header\)/).textContent();
  expect(Number(/(\d+) kB/.exec(read ?? "")?.[1])).toBeLessThan(112 + 64);
  // The page never parses a header: even on a machine shared with other work, it never stalls for long.
  expect(await longestGapMs(page)).toBeLessThan(2500);
});

test("a host that cannot be reached: the card says so, and the run still goes", async ({ page }) => {
  await page.goto(`${origin}/`);
  await formReady(page);
  await field(page, "Prompt").fill("offline lora");
  const port = await closedPort();
  const lora = await addLora(page, `http://127.0.0.1:${port}/lora.safetensors`);
  await expect(lora).toContainText(
    `Could not reach 127.0.0.1:${port}. The run still goes: fal fetches the weights itself.`,
  );
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(runCard(page, "offline lora")).toHaveAttribute("data-status", "completed");
});

test("the cards stay with the run: in History after a reload, and in Compare", async ({ page }) => {
  test.slow(); // Two runs, a reload and a comparison.
  await page.goto(`${origin}/`);
  await formReady(page);
  await field(page, "Prompt").fill("kept with its cards");
  const lora = await addLora(page, file("kohya-sd15-meta.safetensors"));
  await expect(fitNote(lora)).toBeVisible();
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(runCard(page, "kept with its cards")).toHaveAttribute("data-status", "completed");
  await field(page, "LoRA 1 path").fill(file("kohya-sdxl-meta.safetensors"));
  await expect(lora).toContainText("Ink Wash XL");
  await field(page, "Prompt").fill("kept with other cards");
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(runCard(page, "kept with other cards")).toHaveAttribute("data-status", "completed");

  await page.reload();
  await page.getByRole("tab", { name: "History" }).click();
  const history = page.getByRole("list", { name: "History" });
  const first = history.getByRole("listitem").filter({ hasText: "kept with its cards" });
  await expect(first).toContainText("SDXL model · LoRA 1 SD 1.x (does not fit)");
  await expect(history.getByRole("listitem").filter({ hasText: "kept with other cards" })).toContainText(
    "SDXL model · LoRA 1 SDXL",
  );
  await first.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("tab", { name: "Results" })).toHaveAttribute("aria-selected", "true");
  await page.getByText("Model and LoRAs, as read before the run").click();
  await expect(page.locator("#selected-run")).toContainText("Made for SD 1.x; the model is SDXL.");

  await page.getByRole("group", { name: "Result actions" }).getByRole("button", { name: "Compare" }).click();
  await page.getByRole("tab", { name: "History" }).click();
  await history
    .getByRole("listitem")
    .filter({ hasText: "kept with other cards" })
    .getByRole("button", { name: "Compare" })
    .click();
  const dialog = page.getByRole("dialog", { name: "Compare A and B" });
  const kept = dialog.getByRole("region", { name: "Model and LoRAs of A and B" });
  await expect(kept).toContainText("A: model and LoRAs, as read before the run");
  await kept.getByText("B: model and LoRAs, as read before the run").click();
  await expect(kept).toContainText("Ink Wash XL");
});
