import { expect, test } from "@playwright/test";
import { DRAWN_SEED, field, MODEL, runAndReadBody } from "./fixtures/form";
import { formReady } from "./fixtures/queue";

test("the JSON tab shows the exact body and edits flow back into the form", async ({ page }) => {
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("a fox");
  await field(page, "Inference steps").fill("20");

  await page.getByRole("tab", { name: "JSON" }).click();
  const json = field(page, "Request body (JSON)");
  expect(JSON.parse(await json.inputValue())).toEqual({ model_name: MODEL, prompt: "a fox", num_inference_steps: 20 });

  await json.fill('{"model_name": "a/b", "prompt": ');
  await expect(page.locator("#request-json-error")).toContainText("Not valid JSON");
  await expect(json).toHaveAttribute("aria-invalid", "true");

  await json.fill(JSON.stringify({ model_name: MODEL, prompt: "a fox", num_images: 9 }));
  await expect(page.locator("#request-json-error")).toContainText("num_images: Number of images must be at most 8.");
  let submitted = false;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/fal/proxy") && request.method() === "POST") submitted = true;
  });
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(json).toBeFocused();
  expect(submitted).toBe(false);

  const edited = { model_name: MODEL, prompt: "a red fox", loras: [{ path: "a/b", scale: 0.5 }], num_images: 2 };
  await json.fill(JSON.stringify(edited, null, 2));
  await expect(page.locator("#request-json-error")).toHaveCount(0);

  await page.getByRole("tab", { name: "Form" }).click();
  await expect(field(page, "Prompt")).toHaveValue("a red fox");
  await expect(field(page, "LoRA 1 path")).toHaveValue("a/b");
  await expect(field(page, "LoRA 1 scale")).toHaveValue("0.5");
  await expect(field(page, "Inference steps")).toHaveValue("30");

  expect(await runAndReadBody(page)).toEqual({ ...edited, seed: DRAWN_SEED });
});

test("a pasted body with a LoRA's force fills the form without it, with a note naming it; a 64-bit seed keeps its digits", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("tab", { name: "JSON" }).click();
  const json = field(page, "Request body (JSON)");
  await json.fill(
    `{"model_name": "${MODEL}", "prompt": "pasted", "seed": 196619188014358660, "loras": [{"path": "a/b", "scale": 0.5, "force": true}]}`,
  );
  await expect(page.getByRole("status").filter({ hasText: "force" })).toHaveText(
    'LoRA 1: "force" is not a setting of this endpoint; it was left out.',
  );
  await expect(json).not.toHaveAttribute("aria-invalid", "true");
  await expect(json).toHaveValue(/"seed": 196619188014358660(?![\d.e])/);
  await expect(json).not.toHaveValue(/force/);

  await page.getByRole("tab", { name: "Form" }).click();
  await expect(field(page, "LoRA 1 path")).toHaveValue("a/b");
  await expect(field(page, "Seed")).toHaveValue("196619188014358660");
});
