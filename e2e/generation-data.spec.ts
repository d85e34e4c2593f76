import { expect, type Page, test } from "@playwright/test";
import { fooocusJson, samples, withTextChunks } from "@/lib/generation-data/test-samples";
import { makePng } from "./fixtures/images";
import { field, MODEL, openSection, runAndReadBody } from "./fixtures/form";
import { formReady } from "./fixtures/queue";

const offer = (page: Page) => page.getByRole("dialog", { name: "Generation settings found" });
const fillButton = (page: Page) =>
  offer(page).getByRole("button", { name: "Fill the form from these generation settings" });
const summary = (page: Page) => page.getByRole("region", { name: /^Filled the form from/ });

/** A real paste (Ctrl+V) of `text` into whatever has focus, through the system clipboard. */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press("ControlOrMeta+V");
}

/** Drops a file on the page outside any field, as PNG downloads are dropped. */
async function dropFile(page: Page, bytes: Uint8Array, name: string): Promise<void> {
  await page.evaluate(
    ({ data, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(data)], name, { type: "image/png" }));
      document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { data: Array.from(bytes), name },
  );
}

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("an A1111 block pasted into the prompt box fills the form, or stays as pasted when declined", async ({ page }) => {
  await page.goto("/");
  const prompt = field(page, "Prompt");
  await prompt.click();
  await pasteText(page, samples.issue);
  await expect(offer(page)).toContainText("Pasted into the prompt box");
  await expect(offer(page)).toContainText("a castle on a hill, sunset");
  await expect(offer(page)).toContainText("castleStyle at 0.7 (needs its URL)");
  await offer(page).getByRole("button", { name: "Keep the pasted text" }).click();
  await expect(offer(page)).toBeHidden();
  await expect(prompt).toHaveValue(samples.issue);

  await prompt.selectText();
  await pasteText(page, samples.issue);
  await fillButton(page).click();
  await expect(offer(page)).toBeHidden();

  await expect(prompt).toHaveValue("a castle on a hill, sunset");
  await expect(field(page, "Negative prompt")).toHaveValue("blurry, lowres");
  await expect(field(page, "Inference steps")).toHaveValue("28");
  await expect(field(page, "Guidance scale (CFG)")).toHaveValue("6.5");
  await expect(page.locator("#seed")).toHaveValue("12345");
  await openSection(page, "Sampling");
  await expect(field(page, "Scheduler")).toHaveValue("Euler A");
  await expect(field(page, "CLIP skip")).toHaveValue("0");
  await expect(field(page, "LoRA 1 path")).toHaveValue("");
  await expect(field(page, "LoRA 1 scale")).toHaveValue("0.7");
  await expect(page.getByText("Named castleStyle in the generation data. Give its URL above")).toBeVisible();
  await expect(field(page, "Model")).toHaveValue(MODEL);
  await expect(page.getByRole("note", { name: "Model named by generation data" })).toContainText("sd_xl_base_1.0");
  await expect(summary(page)).toContainText("A LoRA needs its URL");
  await expect(summary(page)).toContainText("Size 768x512 is not set");

  await summary(page).getByRole("button", { name: "Go to LoRA 1" }).click();
  await expect(field(page, "LoRA 1 path")).toBeFocused();
  await page.keyboard.type("https://example.com/loras/castle-style.safetensors");
  await expect(page.getByText("Give its URL above")).toBeHidden();
  expect(await runAndReadBody(page)).toEqual({
    model_name: MODEL,
    prompt: "a castle on a hill, sunset",
    negative_prompt: "blurry, lowres",
    loras: [{ path: "https://example.com/loras/castle-style.safetensors", scale: 0.7 }],
    num_inference_steps: 28,
    guidance_scale: 6.5,
    seed: 12345,
    scheduler: "Euler A",
  });

  // Pasted on the page next time, the LoRA's URL is known by its name.
  await page.reload();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await pasteText(page, samples.issue);
  await expect(offer(page)).toContainText("Pasted text");
  await fillButton(page).click();
  await expect(field(page, "LoRA 1 path")).toHaveValue("https://example.com/loras/castle-style.safetensors");
  await expect(summary(page)).toContainText("the URL you gave for it before");
  await summary(page).getByRole("button", { name: "Undo" }).click();
  await expect(field(page, "Prompt")).toHaveValue("");
  await expect(page.getByRole("note", { name: "Model named by generation data" })).toBeHidden();
});

test("an A1111 PNG dropped on the page offers the same, and a Fooocus PNG too", async ({ page }) => {
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("my own prompt");
  await dropFile(
    page,
    withTextChunks(new Uint8Array(await makePng(64, 48)), { parameters: samples.a1111New }),
    "castle.png",
  );
  await expect(offer(page)).toContainText("castle.png · AUTOMATIC1111 v1.10.1");
  await expect(offer(page).getByRole("button", { name: "Use as init image" })).toBeVisible();
  await fillButton(page).click();
  await expect(field(page, "Prompt")).toHaveValue("a castle on a hill, sunset");
  await expect(field(page, "Noise strength")).toHaveValue("0.45");
  await openSection(page, "Sampling");
  await expect(field(page, "Scheduler")).toHaveValue("DPM++ 2M Karras");
  await expect(field(page, "LoRA 1 scale")).toHaveValue("0.7");
  await expect(summary(page)).toContainText("Add an init image");
  await summary(page).getByRole("button", { name: "Undo" }).click();
  await expect(field(page, "Prompt")).toHaveValue("my own prompt");
  await expect(field(page, "LoRA 1 path")).toHaveCount(0);

  const fooocus = withTextChunks(new Uint8Array(await makePng(40, 40)), {
    parameters: JSON.stringify(fooocusJson),
    fooocus_scheme: "fooocus",
  });
  await dropFile(page, fooocus, "fooocus.png");
  await expect(offer(page)).toContainText("fooocus.png · Fooocus v2.5.5");
  await offer(page).getByRole("button", { name: "Use as init image" }).click();
  await expect(offer(page)).toBeHidden();
  await expect(page.getByText("40 × 40")).toBeVisible();
  await expect(field(page, "Prompt")).toHaveValue("my own prompt");
});
