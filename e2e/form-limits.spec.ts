import { expect, test } from "@playwright/test";
import { listLimits } from "../lib/fal/limits";
import { field, MODEL, openSection } from "./fixtures/form";

const times = <T>(count: number, item: (index: number) => T) =>
  Array.from({ length: count }, (_, index) => item(index));

test("a list that holds as many items as one run takes says its bound and adds no more", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("tab", { name: "JSON" }).click();
  const body = {
    model_name: MODEL,
    prompt: "full lists",
    loras: times(listLimits.loras.max - 1, (index) => ({ path: `user/lora-${index}` })),
    controlnets: times(listLimits.controlnets.max, () => ({ path: "c/n", image_url: "https://x.test/c.png" })),
  };
  await field(page, "Request body (JSON)").fill(JSON.stringify(body));
  await page.getByRole("tab", { name: "Form" }).click();

  const addLora = page.getByRole("button", { name: "Add LoRA" });
  await expect(addLora).toBeEnabled();
  await expect(page.getByText(listLimits.loras.message)).toHaveCount(0);
  await addLora.click();
  await expect(field(page, `LoRA ${listLimits.loras.max} path`)).toBeVisible();
  await expect(addLora).toBeDisabled();
  await expect(page.getByRole("note").filter({ hasText: listLimits.loras.message })).toBeVisible();
  await expect(addLora).toHaveAccessibleDescription(listLimits.loras.message);

  await openSection(page, "ControlNets");
  await expect(page.getByRole("button", { name: "Add ControlNet" })).toBeDisabled();
  await expect(page.getByRole("note").filter({ hasText: listLimits.controlnets.message })).toBeVisible();

  await page.getByRole("button", { name: `Remove LoRA ${listLimits.loras.max}` }).click();
  await expect(addLora).toBeEnabled();
  await expect(page.getByText(listLimits.loras.message)).toHaveCount(0);
});
