import { expect, test } from "@playwright/test";
import { compressToEncodedURIComponent } from "lz-string";
import { makePng } from "./fixtures/images";
import { formState } from "./support/form-state";
import { formReady } from "./fixtures/queue";

const linkTo = (settings: unknown) => `/#s=1.${compressToEncodedURIComponent(JSON.stringify(settings))}`;

test("a share link opened in a new page restores an identical form", async ({ page, context }) => {
  await page.goto("/");
  await formReady(page);
  await page.getByLabel("Model", { exact: true }).fill("runwayml/stable-diffusion-v1-5");
  await page.getByLabel("Prompt", { exact: true }).fill('a "quoted" café & a fox #1');
  await page.getByLabel("Noise strength", { exact: true }).fill("0.35");
  await page
    .getByLabel("Init image", { exact: true })
    .setInputFiles({ name: "init.png", mimeType: "image/png", buffer: await makePng(64, 64) });
  await expect(page.getByRole("img", { name: "Init image preview" })).toBeVisible();
  const before = await formState(page);

  await page.getByRole("button", { name: "Share link" }).click();
  const linkField = page.getByRole("textbox", { name: "Share link" });
  await expect(linkField).toHaveValue(/\/s\/1\./);
  const link = await linkField.inputValue();
  expect(link).not.toContain("data:");
  await expect(page.getByText(`${link.length.toLocaleString("en")} characters.`)).toBeVisible();

  const opened = await context.newPage();
  await opened.goto(link);
  await expect(opened.getByRole("status", { name: "Restored settings" })).toContainText(
    "Settings restored from the link.",
  );
  await expect(opened.getByLabel("Prompt", { exact: true })).toHaveValue('a "quoted" café & a fox #1');
  expect(await formState(opened)).toEqual(before);
  await expect(opened.getByRole("img", { name: "Init image preview" })).toBeVisible();
});

test("a link with invalid fields keeps the valid ones and names the others", async ({ page }) => {
  await page.goto(
    linkTo({ prompt: "kept prompt", model_name: "runwayml/stable-diffusion-v1-5", noise_strength: 7, colour: "red" }),
  );
  const notice = page.getByRole("alert", { name: "Restored settings" });
  await expect(notice).toContainText("Some settings in the link could not be read");
  await expect(notice).toContainText("Noise strength: Noise strength must be at most 1.");
  await expect(notice).toContainText('"colour" is not a setting of this endpoint');
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("kept prompt");
  await expect(page.getByLabel("Model", { exact: true })).toHaveValue("runwayml/stable-diffusion-v1-5");
  await expect(page.getByLabel("Noise strength", { exact: true })).toHaveValue("0.5");
});

test("a damaged link or one from another version opens the page with a clear message", async ({ page }) => {
  await page.goto("/#s=1.%%%not-a-payload");
  await expect(page.getByRole("alert", { name: "Restored settings" })).toContainText("Link: The link is damaged");
  await page.getByLabel("Prompt", { exact: true }).fill("still works");
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("still works");

  await page.goto(`/#s=7.${compressToEncodedURIComponent("{}")}`);
  await page.reload();
  await expect(page.getByRole("alert", { name: "Restored settings" })).toContainText(
    "another version of the playground (format 7)",
  );
  await expect(page.getByLabel("Model", { exact: true })).toHaveValue("stabilityai/stable-diffusion-xl-base-1.0");
});

test("a long link says it may be cut off", async ({ page }) => {
  const letters = "abcdefghijklmnopqrstuvwxyz0123456789";
  let state = 2463534242;
  const nextLetter = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return letters[(state >>> 0) % letters.length];
  };
  // Both prompts within the schema's 10,000 characters, together far past what a link should be.
  const prompt = Array.from({ length: 10_000 }, nextLetter).join("");
  const negative = Array.from({ length: 4_000 }, nextLetter).join("");
  await page.goto(linkTo({ prompt, negative_prompt: negative }));
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue(prompt);
  await expect(page.getByLabel("Negative prompt", { exact: true })).toHaveValue(negative);
  await page.getByRole("button", { name: "Share link" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "longer than 2,000 characters" })).toBeVisible();
  // Too long for a server to read, it carries its settings in the hash, and says chat apps show no preview.
  await expect(page.getByRole("alert").filter({ hasText: "chat apps show no preview" })).toBeVisible();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(link.length).toBeGreaterThan(8 * 1024);
  expect(link).toContain("/#s=1.");
});
