import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, percentile, type Bench } from "./harness";
import { fullFormLink } from "./full-form";
import { recordTyping, type TypingSample } from "./page-probes";

const TEXT = "a lighthouse on a cliff at dusk, oil painting, dramatic clouds, warm light, ".repeat(3);

/**
 * Typing in the prompt with 10 LoRAs, 4 ControlNets and 2 IP adapters on the form (opened from a
 * share link): the time each keystroke keeps the page busy (event, React render, layout) must fit in one frame.
 */
const bench: Bench = {
  name: "Form typing",
  about:
    "Typing in the prompt with 10 LoRAs, 4 ControlNets and 2 IP adapters on the form (opened from a share link). " +
    '"Handled + laid out": from keydown to after React\'s update and a forced layout; "next frame" adds the wait for the frame.',
  async run({ baseURL, chromiumPath }) {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const link = fullFormLink(baseURL);
      await page.goto(link.url, { waitUntil: "networkidle" });
      // Collapsed sections are opened so every list item is rendered, whatever the layout puts them in;
      // a group renders its fields when first opened, so the items are awaited.
      await page.evaluate(() => document.querySelectorAll("details").forEach((details) => (details.open = true)));
      const countFilled = () =>
        page.evaluate(
          (paths) => [...document.querySelectorAll("input")].filter((input) => paths.includes(input.value)).length,
          link.paths,
        );
      let filled = await countFilled();
      for (
        const deadline = Date.now() + 10_000;
        filled < link.paths.length && Date.now() < deadline;
        filled = await countFilled()
      ) {
        await page.waitForTimeout(50);
      }
      if (filled < link.paths.length)
        throw new Error(`The form shows ${filled} of the ${link.paths.length} list items the link holds`);

      await page.evaluate(recordTyping);
      const prompt = page.getByLabel("Prompt", { exact: true });
      await prompt.fill("");
      await prompt.blur(); // touched: every keystroke now also re-validates the whole form
      await prompt.click();
      await page.keyboard.type(TEXT, { delay: 25 });
      await page.waitForTimeout(100);
      const samples = await page.evaluate(() => (window as unknown as { benchTyping: TypingSample[] }).benchTyping);
      if (samples.length < TEXT.length * 0.9)
        throw new Error(`Only ${samples.length} of ${TEXT.length} keystrokes were timed`);
      const handled = samples.map((sample) => sample.handled);
      const frame = samples.map((sample) => sample.frame);
      return {
        results: [
          { name: "keystroke handled + laid out p50", value: percentile(handled, 50), unit: "ms" },
          { name: "keystroke handled + laid out p95", value: percentile(handled, 95), unit: "ms", max: 16 },
          { name: "keystroke to next frame p95 (incl. vsync wait)", value: percentile(frame, 95), unit: "ms" },
          { name: "list items on the form", value: filled, unit: "items" },
        ],
      };
    } finally {
      await browser.close();
    }
  },
};

export default bench;
