import { expect, type Page, test } from "@playwright/test";
import { field, openSection, uploadImage } from "./fixtures/form";
import { runCard, formReady } from "./fixtures/queue";

const RESULT = /\/fal-ai\/lora\/requests\/[^/]+$/;

async function addControlNet(page: Page) {
  await openSection(page, "ControlNets");
  await page.getByRole("button", { name: "Add ControlNet" }).click();
  await field(page, "ControlNet 1 path").fill("diffusers/controlnet-canny-sdxl-1.0");
  await uploadImage(page, "ControlNet 1 control image");
}

test("a ControlNet whose start is not below its end (equal too) is refused at its start, before Run", async ({
  page,
}) => {
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("start meets end");
  await addControlNet(page);
  await field(page, "ControlNet 1 end").fill("0.5");
  await field(page, "ControlNet 1 start").fill("0.5");
  let submitted = false;
  page.on("request", (request) => {
    if (request.method() === "POST" && (request.headers()["x-fal-target-url"] ?? "").endsWith("/image-to-image"))
      submitted = true;
  });
  await page.getByRole("button", { name: /^Run/ }).click();
  await expect(field(page, "ControlNet 1 start")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("ControlNet start must be below its end.")).toBeVisible();
  expect(submitted).toBe(false);
});

test("fal's app refuses a ControlNet under `controlnet` at run time: the card names it and the form marks it", async ({
  page,
}) => {
  const detail = [
    {
      loc: ["body", "controlnet", 0, "start_percentage"],
      msg: "start_percentage must be less than end_percentage",
      type: "value_error",
    },
  ];
  await page.route("**/api/fal/proxy", (route) =>
    route.request().method() === "GET" && RESULT.test(route.request().headers()["x-fal-target-url"] ?? "")
      ? route.fulfill({ status: 422, contentType: "application/json", body: JSON.stringify({ detail }) })
      : route.fallback(),
  );
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("refused while running");
  await addControlNet(page);
  await page.getByRole("button", { name: /^Run/ }).click();
  const card = runCard(page, "refused while running");
  await expect(card).toHaveAttribute("data-status", "failed");
  await expect(card.getByRole("alert")).toHaveText("ControlNet 1: start_percentage must be less than end_percentage");
  await expect(card.getByRole("button", { name: /Retry/ })).toHaveCount(0);
  await expect(field(page, "ControlNet 1 start")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "ControlNet 1 start")).toHaveAccessibleDescription(
    "start_percentage must be less than end_percentage",
  );
});

test("a completed result without an image URL is shown raw on the card", async ({ page }) => {
  await page.route("**/api/fal/proxy", (route) =>
    route.request().method() === "GET" && RESULT.test(route.request().headers()["x-fal-target-url"] ?? "")
      ? route.fulfill({
          status: 200,
          contentType: "application/json",
          body: '{"images": [], "seed": 196619188014358660, "note": "odd"}',
        })
      : route.fallback(),
  );
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("nothing to show");
  await page.getByRole("button", { name: /^Run/ }).click();
  const card = runCard(page, "nothing to show");
  await expect(card).toHaveAttribute("data-status", "failed");
  await expect(card.getByRole("alert")).toContainText(
    "fal finished this run, but its result holds no image URL the page can show.",
  );
  await expect(card.getByLabel("Raw result from fal")).toContainText('"seed": 196619188014358660');
  await expect(card.getByRole("button", { name: /Retry/ })).toHaveCount(0);
});
