/**
 * The README's screenshots, taken from the real app in simulator mode: builds (unless
 * SCREENSHOTS_SKIP_BUILD=1), serves on 127.0.0.1:$SCREENSHOTS_PORT (3198), drives Chromium and
 * writes docs/screenshot-desktop-light.png, docs/screenshot-desktop-dark.png and docs/screenshot-phone.png.
 */
import { execSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import sharp from "sharp";
import { CHROMIUM_ARGS, chromiumPath, startServer, stopServer } from "../bench/harness";

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3198);
const origin = `http://127.0.0.1:${PORT}`;
const docs = join(__dirname, "..", "docs");

/** A small painted landscape to start from: sky, sun, hills and a lake. */
function initImage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="768" height="512">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1e3a8a"/><stop offset="1" stop-color="#f59e0b"/></linearGradient></defs>
    <rect width="768" height="512" fill="url(#sky)"/>
    <circle cx="540" cy="250" r="70" fill="#fde68a"/>
    <path d="M0 330 160 220l120 90 140-130 170 150 178-90v272H0Z" fill="#14532d"/>
    <path d="M0 420h768v92H0Z" fill="#0c4a6e"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function run(page: Page, prompt: string, image: Buffer): Promise<void> {
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  await page
    .getByLabel("Init image", { exact: true })
    .setInputFiles({ name: "landscape.png", mimeType: "image/png", buffer: image });
  await page.getByRole("img", { name: "Init image preview" }).waitFor();
  await page.getByRole("button", { name: /^Run/ }).click();
  await page.locator("article[data-status=completed]").filter({ hasText: prompt }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('#selected-run img[alt^="Result"]')).every(
      (image) => image.complete && image.naturalWidth > 0,
    ),
  );
}

async function shoot(
  browser: Browser,
  name: string,
  options: { width: number; height: number; dark: boolean },
  steps: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    colorScheme: options.dark ? "dark" : "light",
  });
  const page = await context.newPage();
  await page.goto(origin);
  await steps(page);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(docs, `screenshot-${name}.png`) });
  await context.close();
  console.log(`docs/screenshot-${name}.png`);
}

async function main() {
  if (process.env.SCREENSHOTS_SKIP_BUILD !== "1")
    execSync("npm run build", { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  mkdirSync(docs, { recursive: true });
  const server = await startServer(PORT, { SIMULATOR_STEP_MS: "10", RATE_LIMIT_SUBMITS_PER_MINUTE: "1000" });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const image = await initImage();
    await shoot(browser, "desktop-light", { width: 1440, height: 900, dark: false }, async (page) => {
      await page.getByRole("button", { name: "Add LoRA" }).click();
      await page.getByLabel("LoRA 1 path", { exact: true }).fill("nerijs/pixel-art-xl");
      await page.getByLabel("LoRA 1 scale", { exact: true }).fill("0.8");
      await run(page, "a lighthouse on a cliff at dusk, oil painting, warm light", image);
    });
    await shoot(browser, "desktop-dark", { width: 1440, height: 900, dark: true }, async (page) => {
      await run(page, "a lake at sunset, watercolor", image);
      await page.locator("summary", { hasText: "Output" }).click();
      await page.getByLabel("Number of images", { exact: true }).fill("4");
      await run(page, "a lake at sunset, four takes, ink and wash", image);
    });
    await shoot(browser, "phone", { width: 390, height: 844, dark: false }, (page) =>
      run(page, "a lighthouse on a cliff at dusk", image),
    );
  } finally {
    await browser.close();
    stopServer(server);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
