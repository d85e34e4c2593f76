import { expect, test } from "@playwright/test";
import { compressToEncodedURIComponent } from "lz-string";
import { field, runAndReadBody } from "./fixtures/form";
import { runCard, formReady } from "./fixtures/queue";

const RESULT = /\/fal-ai\/lora\/requests\/[^/]+$/;

test("Random seed draws a seed at Run, shows it on the card at once and sends it; the form stays random", async ({
  page,
}) => {
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("a seed drawn at run");
  await expect(field(page, "Random seed")).toBeChecked();
  const body = await runAndReadBody(page);
  const seed = body.seed as number;
  expect(Number.isInteger(seed) && seed >= 1 && seed <= 4294967295).toBe(true);

  const card = runCard(page, "a seed drawn at run");
  await expect(card.getByTestId("run-seed")).toHaveText(`Seed ${seed}`);
  await expect(field(page, "Random seed")).toBeChecked();
  await expect(card).toHaveAttribute("data-status", "completed");
  await expect(page.getByRole("region", { name: "Output" })).toContainText(`seed ${seed}`);

  await page.getByRole("region", { name: "Output" }).getByRole("button", { name: "Open viewer" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Reuse all settings" }).click();
  await expect(field(page, "Random seed")).not.toBeChecked();
  await expect(field(page, "Seed")).toHaveValue(String(seed));
});

test("seed 0 is random on fal: fal's 64-bit seed is shown exactly, and Use this seed and Reuse all settings send it back exactly", async ({
  page,
}) => {
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("fal picks the seed");
  await field(page, "Random seed").uncheck();
  await field(page, "Seed").fill("0");
  await expect(field(page, "Seed")).toHaveAccessibleDescription(/0 means random on fal/);

  const result = page.waitForResponse(
    (response) =>
      response.request().method() === "GET" && RESULT.test(response.request().headers()["x-fal-target-url"] ?? ""),
  );
  await page.getByRole("button", { name: /^Run/ }).click();
  const literal = /"seed":(\d+)/.exec(await (await result).text())?.[1] ?? "";
  expect(BigInt(literal) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);

  const card = runCard(page, "fal picks the seed");
  await expect(card).toHaveAttribute("data-status", "completed");
  await expect(card.getByTestId("run-seed")).toHaveText(`Seed 0 (random on fal): fal picked ${literal}`);
  const results = page.getByRole("region", { name: "Output" });
  await expect(results).toContainText(`seed ${literal}`);

  await results.getByRole("button", { name: "Open viewer" }).click();
  await page.getByRole("dialog", { name: "Result viewer" }).getByRole("button", { name: "Use this seed" }).click();
  await expect(field(page, "Random seed")).not.toBeChecked();
  await expect(field(page, "Seed")).toHaveValue(literal);

  await field(page, "Prompt").fill("fal's seed sent back");
  const submit = page.waitForRequest(
    (request) =>
      request.method() === "POST" && (request.headers()["x-fal-target-url"] ?? "").endsWith("/image-to-image"),
  );
  await page.getByRole("button", { name: /^Run/ }).click();
  expect((await submit).postData()).toContain(`"seed":${literal}`);
  const again = runCard(page, "fal's seed sent back");
  await expect(again).toHaveAttribute("data-status", "completed");
  await expect(again.getByTestId("run-seed")).toHaveText(`Seed ${literal}`);

  await field(page, "Seed").fill("7");
  await results.getByRole("button", { name: "Open viewer" }).click();
  await page.getByRole("dialog", { name: "Result viewer" }).getByRole("button", { name: "Reuse all settings" }).click();
  await expect(field(page, "Seed")).toHaveValue(literal);
  await expect(field(page, "Prompt")).toHaveValue("fal's seed sent back");
});

test("a link keeps fal's 64-bit seed digit for digit, and names a LoRA's force as left out while keeping the LoRA", async ({
  page,
}) => {
  // The link's JSON as the page writes it: the seed an integer literal beyond JavaScript's exact integers.
  const json =
    '{"model_name":"m/n","prompt":"from a link","seed":196619188014358660,"loras":[{"path":"a/lora","scale":0.7,"force":true}]}';
  await page.goto(`/#s=1.${compressToEncodedURIComponent(json)}`);
  const notice = page.getByRole("alert", { name: "Restored settings" });
  await expect(notice).toContainText('LoRA 1: "force" is not a setting of this endpoint; it was left out.');
  await expect(field(page, "Seed")).toHaveValue("196619188014358660");
  await expect(field(page, "LoRA 1 path")).toHaveValue("a/lora");
  await expect(field(page, "LoRA 1 scale")).toHaveValue("0.7");
  await expect(page.getByLabel(/force/i)).toHaveCount(0);

  const submit = page.waitForRequest(
    (request) =>
      request.method() === "POST" && (request.headers()["x-fal-target-url"] ?? "").endsWith("/image-to-image"),
  );
  await page.getByRole("button", { name: /^Run/ }).click();
  const body = (await submit).postData() ?? "";
  expect(body).toContain('"seed":196619188014358660');
  expect(body).not.toContain("force");
});
