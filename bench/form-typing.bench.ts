import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, percentile, type Bench } from "./harness";

const TEXT = "a lighthouse on a cliff at dusk, oil painting, dramatic clouds, warm light, ".repeat(3);

/** Installs listeners that time each keystroke in the page, from the key event to its handled, laid-out result. */
function instrument() {
  const samples: { handled: number; frame: number }[] = [];
  let started: number | undefined;
  document.addEventListener("keydown", (event) => (started = event.timeStamp), true);
  // Bubbling to the document runs after React's root listener and its synchronous render.
  document.addEventListener("input", () => {
    const start = started;
    if (start === undefined) return;
    started = undefined;
    void document.body.offsetHeight;
    const handled = performance.now() - start;
    requestAnimationFrame(() => samples.push({ handled, frame: performance.now() - start }));
  });
  (window as unknown as { typingSamples: typeof samples }).typingSamples = samples;
}

/**
 * Typing in the prompt with 10 LoRAs, 4 ControlNets and 2 IP adapters on the form: the time each
 * keystroke keeps the page busy (event, React render, layout) must fit in one frame.
 */
const bench: Bench = {
  name: "Form typing (prompt, with 10 LoRAs, 4 ControlNets, 2 IP adapters)",
  async run({ baseURL, chromiumPath }) {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(baseURL);
      await page.getByRole("button", { name: "Add LoRA" }).waitFor();
      for (let index = 0; index < 10; index += 1) await page.getByRole("button", { name: "Add LoRA" }).click();
      for (const [title, button, count] of [
        ["ControlNets", "Add ControlNet", 4],
        ["IP adapters", "Add IP adapter", 2],
      ] as const) {
        await page.locator("summary", { hasText: title }).click();
        for (let index = 0; index < count; index += 1) await page.getByRole("button", { name: button }).click();
      }
      await page.getByRole("textbox", { name: "LoRA 10 path" }).waitFor();
      await page.getByRole("textbox", { name: "IP adapter 2 path" }).waitFor();

      await page.evaluate(instrument);
      const prompt = page.getByLabel("Prompt", { exact: true });
      await prompt.click();
      await prompt.blur(); // touched: every keystroke now also re-validates the whole form
      await prompt.click();
      await page.keyboard.type(TEXT, { delay: 25 });
      await page.waitForTimeout(100);
      const samples = await page.evaluate(
        () => (window as unknown as { typingSamples: { handled: number; frame: number }[] }).typingSamples,
      );
      if (samples.length < TEXT.length * 0.9) throw new Error(`Only ${samples.length} of ${TEXT.length} keystrokes were timed`);
      const handled = samples.map((sample) => sample.handled);
      const frame = samples.map((sample) => sample.frame);
      return [
        { name: "keystroke handled + laid out p50", value: percentile(handled, 50), unit: "ms" },
        { name: "keystroke handled + laid out p95", value: percentile(handled, 95), unit: "ms", max: 16 },
        { name: "keystroke to next frame p95 (incl. vsync wait)", value: percentile(frame, 95), unit: "ms" },
        { name: "keystrokes timed", value: samples.length, unit: "count" },
      ];
    } finally {
      await browser.close();
    }
  },
};

export default bench;
