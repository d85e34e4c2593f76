import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { compressToEncodedURIComponent } from "lz-string";
import sharp from "sharp";
import { runPayload } from "@/lib/share/link-payload";
import { inflatingPayload } from "@/lib/share/test-links";
import { field } from "./fixtures/form";
import { longestGapMs, startWatchdog } from "./fixtures/main-thread-watchdog";
import { runCard, formReady } from "./fixtures/queue";

const MODEL = "stabilityai/stable-diffusion-xl-base-1.0";
const packed = (version: number, data: unknown) => `${version}.${compressToEncodedURIComponent(JSON.stringify(data))}`;

/** The page as a chat app's crawler gets it: one plain GET, no scripts run; its meta tags by name. */
async function crawl(request: APIRequestContext, link: string): Promise<Map<string, string>> {
  const response = await request.get(link, { headers: { "user-agent": "Slackbot-LinkExpanding 1.0" } });
  expect(response.status()).toBe(200);
  const html = await response.text();
  const head = html.slice(0, html.indexOf("</head>"));
  const unescape = (text: string) =>
    text
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, "&");
  const tags = new Map<string, string>();
  for (const [, name = "", content = ""] of head.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g))
    tags.set(name, unescape(content));
  tags.set("title", unescape(/<title>([^<]*)<\/title>/.exec(head)?.[1] ?? ""));
  return tags;
}

/** Fetches a card as a crawler would and checks it is the 1200×630 picture. */
async function expectCard(request: APIRequestContext, url: string): Promise<void> {
  const response = await request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/jpeg");
  const { width, height } = await sharp(await response.body()).metadata();
  expect({ width, height }).toEqual({ width: 1200, height: 630 });
}

async function shareFromResult(page: Page): Promise<string> {
  await page.getByRole("group", { name: "Result actions" }).getByRole("button", { name: "Share" }).click();
  await expect(
    page.getByText(/^Link copied \(\d+ characters\): it opens this image with its settings and seed\./),
  ).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

test("a run's link unfurls for a crawler with its tags and card, and opens the run in a fresh browser", async ({
  page,
  context,
  browser,
  request,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  const prompt = 'a lighthouse at dusk, "storm" & waves';
  await field(page, "Prompt").fill(prompt);
  await page.getByRole("button", { name: "Add LoRA" }).click();
  await field(page, "LoRA 1 path").fill("nerijs/pixel-art-xl");
  await field(page, "LoRA 1 scale").fill("0.8");
  await field(page, "Inference steps").fill("12");
  await page.getByRole("button", { name: /^Run/ }).click();
  const card = runCard(page, prompt);
  await expect(card).toHaveAttribute("data-status", "completed");
  const seed = ((await card.getByTestId("run-seed").textContent()) ?? "").replace("Seed ", "");
  const link = await shareFromResult(page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/2\./);
  expect(link.length).toBeLessThan(2000);

  const tags = await crawl(request, link);
  expect(tags.get("og:title")).toBe(prompt);
  expect(tags.get("title")).toBe(`${prompt} · fal LoRA playground`);
  expect(tags.get("og:description")).toBe(`${MODEL} · LoRAs: nerijs/pixel-art-xl ×0.8 · seed ${seed} · 12 steps`);
  expect(tags.get("twitter:card")).toBe("summary_large_image");
  expect(tags.get("og:url")).toBe(link);
  expect(tags.get("og:image:width")).toBe("1200");
  expect(tags.get("og:image:height")).toBe("630");
  expect(tags.get("twitter:image")).toBe(tags.get("og:image"));
  await expectCard(request, tags.get("og:image") ?? "");

  const fresh = await browser.newContext();
  try {
    const opened = await fresh.newPage();
    await opened.goto(link);
    await expect(opened.getByRole("status", { name: "Restored settings" })).toContainText(
      "Settings restored from the link.",
    );
    const image = opened.getByRole("img", { name: `The shared run's image: ${prompt}` });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBeGreaterThan(0);
    await expect(field(opened, "Prompt")).toHaveValue(prompt);
    await expect(field(opened, "LoRA 1 path")).toHaveValue("nerijs/pixel-art-xl");
    await expect(field(opened, "Inference steps")).toHaveValue("12");
    await expect(field(opened, "Seed")).toHaveValue(seed);
    await opened.getByRole("button", { name: "Run again" }).click();
    const again = runCard(opened, prompt);
    await expect(again).toHaveAttribute("data-status", "completed");
    await expect(again.getByTestId("run-seed")).toHaveText(`Seed ${seed}`);
  } finally {
    await fresh.close();
  }
});

test("fal's 64-bit seed travels in the link exactly; History shares runs too", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await formReady(page);
  await field(page, "Prompt").fill("fal picks the seed, shared");
  await field(page, "Random seed").uncheck();
  await field(page, "Seed").fill("0");
  await page.getByRole("button", { name: /^Run/ }).click();
  const card = runCard(page, "fal picks the seed, shared");
  await expect(card).toHaveAttribute("data-status", "completed");
  const picked = /fal picked (\d+)/.exec((await card.getByTestId("run-seed").textContent()) ?? "")?.[1] ?? "";
  expect(BigInt(picked) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);

  await page.getByRole("tab", { name: "History" }).click();
  const history = page.getByRole("tabpanel", { name: "History" });
  await history.getByRole("button", { name: "Share" }).first().click();
  await expect(history.getByText(/^Link copied/)).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect((await crawl(request, link)).get("og:description")).toContain(`seed ${picked} · 30 steps`);
  await page.goto(link);
  await expect(page.getByRole("definition").filter({ hasText: picked })).toBeVisible();
});

test("an expired image: the page says it is gone and keeps the settings; the card shows the settings", async ({
  page,
  request,
  baseURL,
}) => {
  const gone = `${baseURL}/api/simulator/files/expiredfile0/result.png`;
  const link = `${baseURL}/s/${runPayload({ model_name: MODEL, prompt: "an image long gone", seed: 7 }, { imageUrl: gone })}`;
  await page.goto(link);
  await expect(page.getByRole("status").filter({ hasText: "The image of this run is gone" })).toBeVisible();
  await expect(field(page, "Prompt")).toHaveValue("an image long gone");
  await expect(field(page, "Seed")).toHaveValue("7");
  await expect(page.getByRole("button", { name: "Run again" })).toBeEnabled();
  const tags = await crawl(request, link);
  expect(tags.get("og:title")).toBe("an image long gone");
  await expectCard(request, tags.get("og:image") ?? "");
});

test("a damaged or hostile link opens the page with a message naming what could not be read", async ({
  page,
  request,
  baseURL,
}) => {
  const script = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
  const scripted = `${baseURL}/s/${packed(1, { model_name: MODEL, prompt: script })}`;
  await page.goto(scripted);
  await expect(field(page, "Prompt")).toHaveValue(script);
  expect(await page.evaluate(() => (window as Window & { __pwned?: number }).__pwned)).toBeUndefined();
  const scriptedTags = await crawl(request, scripted);
  expect(scriptedTags.get("og:title")).toBe(script);

  const javascriptImage = `${baseURL}/s/${packed(2, { settings: { prompt: "kept" }, image: "javascript:alert(1)" })}`;
  await page.goto(javascriptImage);
  const notice = page.getByRole("alert", { name: "Restored settings" });
  await expect(notice).toContainText('Image: A "javascript:" address is not an image; it is not shown.');
  await expect(field(page, "Prompt")).toHaveValue("kept");
  await expect(page.locator('img[src^="javascript:"]')).toHaveCount(0);
  // On phones the output comes first: it says why there is no image too.
  await expect(
    page.getByRole("region", { name: "Output" }).getByRole("status").filter({ hasText: '"javascript:" address' }),
  ).toContainText("Its settings are in the form.");
  const refused = await request.get(`${javascriptImage}/preview.jpg`);
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toEqual({ detail: 'Image: A "javascript:" address is not an image; it is not shown.' });

  const elsewhere = `${baseURL}/s/${packed(2, { settings: { prompt: "kept" }, image: "https://images.example/a.png" })}`;
  const foreign = await request.get(`${elsewhere}/preview.jpg`);
  expect(foreign.status()).toBe(400);
  expect((await foreign.json()).detail).toMatch(/images\.example, not on fal's media hosts/);
  expect((await crawl(request, elsewhere)).get("og:image")).toBeUndefined();

  const nested = `{"prompt":"p","ip_adapter":[{"scale_json":${"[".repeat(3000)}${"]".repeat(3000)}}]}`;
  await page.goto(`${baseURL}/s/1.${compressToEncodedURIComponent(nested)}`);
  await expect(page.getByRole("alert", { name: "Restored settings" })).toContainText(
    "Link: The link's settings are nested more than 32 levels deep; they were not read.",
  );

  const huge = `${baseURL}/s/1.${inflatingPayload('{"prompt":"a', 10_000_000, '"}')}`;
  expect(huge.length).toBeLessThan(12_000);
  await page.goto(huge);
  const hugeNotice = page.getByRole("alert", { name: "Restored settings" });
  await expect(hugeNotice).toContainText("could not be read; the form was left as it was.");
  await expect(hugeNotice).toContainText(
    "Link: The link's settings are larger than 256 KiB once unpacked; they were not read.",
  );
  await field(page, "Prompt").fill("still works");
  await expect(field(page, "Prompt")).toHaveValue("still works");
  expect((await crawl(request, huge)).get("og:title")).toBe("A shared link that could not be read");
  expect((await request.get(`${huge}/preview.jpg`)).status()).toBe(400);
});

test("a 20,000-character link that would unpack to a 50 MB prompt leaves the tab responsive", async ({ page }) => {
  // A first, small link loads the link reader and the schema, as any link would; the watchdog then
  // times what the hostile link itself costs the tab.
  await page.goto(`/#s=${packed(1, { prompt: "a small link first" })}`);
  await expect(field(page, "Prompt")).toHaveValue("a small link first");
  await startWatchdog(page);
  const payload = inflatingPayload('{"prompt":"a', 50_000_000, '"}');
  expect(payload.length).toBeGreaterThan(19_000);
  await page.evaluate((hash) => (window.location.hash = hash), `s=1.${payload}`);
  await expect(page.getByRole("alert", { name: "Restored settings" })).toContainText(
    "larger than 256 KiB once unpacked",
  );
  expect(await longestGapMs(page)).toBeLessThanOrEqual(500);
  await expect(field(page, "Prompt")).toHaveValue("a small link first");
});
