import { CHROMIUM_ARGS, percentile, type Bench } from "./harness";

const RUNS = 10;

/**
 * In the browser: from pressing Run to the result image loaded on the output stage (10 steps), and
 * how long a page with that many runs in IndexedDB takes to show its history after a reload.
 */
const bench: Bench = {
  name: "Run to gallery in the browser (click → image loaded; history after reload)",
  async run({ baseURL, chromiumPath }) {
    const { chromium } = await import("@playwright/test");
    const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.route("**/api/fal/proxy", async (route) => {
        const request = route.request();
        if (request.method() !== "POST") return route.fallback();
        const body = { ...(request.postDataJSON() as Record<string, unknown>), num_inference_steps: 10 };
        return route.fallback({ postData: JSON.stringify(body) });
      });
      await page.goto(baseURL);
      await page.getByRole("heading", { name: "Your images appear here" }).waitFor();
      const durations: number[] = [];
      for (let index = 0; index < RUNS; index += 1) {
        await page.getByLabel("Prompt", { exact: true }).fill(`bench ${index}`);
        const started = performance.now();
        await page.getByRole("button", { name: /^Run/ }).click();
        // The newest run is on the stage: its card completed and its image loaded.
        await page.waitForFunction((prompt) => {
          const card = document.querySelector('#selected-run article[data-status="completed"]');
          const image = document.querySelector<HTMLImageElement>('#selected-run ul[aria-label="Results"] img');
          return card?.textContent?.includes(prompt) === true && image !== null && image.complete && image.naturalWidth > 0;
        }, `bench ${index}`);
        durations.push(performance.now() - started);
      }
      const reloadStarted = performance.now();
      await page.reload();
      await page.getByRole("tab", { name: "History" }).click();
      await page.locator('ul[aria-label="History"] li').nth(RUNS - 1).waitFor();
      const historyMs = performance.now() - reloadStarted;
      return [
        { name: "click → gallery image p50", value: percentile(durations, 50), unit: "ms", max: 1500 },
        { name: "click → gallery image p95", value: percentile(durations, 95), unit: "ms", max: 3000 },
        { name: `reload → history of ${RUNS} shown`, value: historyMs, unit: "ms", max: 3000 },
      ];
    } finally {
      await browser.close();
    }
  },
};

export default bench;
