import type { Bench, BenchResult } from "./harness";
import { type FormFactor, type LighthouseFigures, launchChromium, runLighthouse } from "./lighthouse";

type Page = {
  label: string;
  url: string;
  /** Measured with its script files blocked, on the phone only: what the page's HTML and CSS cost alone. */
  withoutScripts?: boolean;
};

const FORM_FACTORS: FormFactor[] = ["mobile", "desktop"];

/**
 * Lighthouse (simulated throttling, its defaults) on the playground's `/` and on the bare floor pages,
 * one after the other in each pass so that the machine's load falls on all of them alike.
 */
const bench: Bench = {
  name: "Lighthouse",
  about:
    "Lighthouse's CLI, performance only, on headless Debian Chromium launched by chrome-launcher: its default mobile " +
    "run (simulated throttling: 4× CPU, 150 ms RTT, 1.6 Mbps) and its desktop preset. Each pass measures the bare page, " +
    "the page with @fal-ai/client and the playground in turn, and on the phone the playground again with its script " +
    "files blocked (its prerendered HTML and CSS alone, no target: what the page's content costs before any JavaScript).",
  whyMissed: {
    "mobile playground / LCP":
      "the LCP element, a paragraph of the first steps, paints with the first paint, and Lighthouse's estimate " +
      "counts every request that had ended before that paint in the load it observed, with the main thread's " +
      "work before it at 4×. Two figures of this run bound what the page can reach. With its script files " +
      "blocked, the playground's prerendered HTML and CSS alone already take 1,252 ms, 1.44× the bare page: the " +
      "bare page has no stylesheet (one round trip fewer) and lays out a few lines, where the playground lays " +
      "out its form before the paint (the document's 952 ms of main-thread time in the note below). And the bare " +
      "page itself swings from 705 to 1,493 ms between passes as its scripts land before or after its paint; the " +
      "playground's have all landed before its paint, which Lighthouse's phone emulation also held back to about " +
      "1.2 s in the observed load, with or without scripts (plain headless Chromium paints it at about 340 ms). " +
      "Tried this round: inlining the CSS (Next's experimental.inlineCss also copies it into the RSC payload, so " +
      "the HTML grew from 43 to 219 KB and LCP got worse), an opaque run bar, the header icon no longer " +
      "preloaded, 7 kB less JavaScript in the first load, no page-wide render after hydration. What is left " +
      "would change what the page is: a first paint lighter than the form, or the form hydrated a section at a " +
      "time.",
    "mobile playground / TBT":
      "hydrating the form on a 4× slower CPU: when the last chunk arrives the page's own modules are compiled " +
      "and run in one task (about 230 ms at 4× in a profile), then the form's fields hydrate and register. " +
      "Without its script files the page's TBT is 83 ms. This round took out a render of the whole page right " +
      "after hydration (the server's configuration is now read only where it is used) and the first currency " +
      "Intl.NumberFormat (a 160 ms task at 4×; $, € and £ are now written by hand). What remains needs less " +
      "JavaScript to run at load: the form hydrated a section at a time, or its modules split so that no one " +
      "task compiles them all.",
    "mobile playground / CLS":
      "Lighthouse reports a shift that rounds to 0.00 but is not 0; not yet traced to its element.",
    "desktop playground / CLS":
      "Lighthouse reports a shift that rounds to 0.00 but is not 0; not yet traced to its element.",
  },
  async run({ baseURL, floorURL, chromiumPath }) {
    const pages: Page[] = [
      { label: "bare Next page", url: `${floorURL}/` },
      { label: "Next + @fal-ai/client", url: `${floorURL}/fal-client` },
      { label: "playground /", url: `${baseURL}/` },
      { label: "playground / without its script files", url: `${baseURL}/`, withoutScripts: true },
    ];
    const chrome = await launchChromium(chromiumPath);
    const measured = new Map<string, LighthouseFigures>();
    try {
      for (const formFactor of FORM_FACTORS) {
        for (const page of pages) {
          if (page.withoutScripts && formFactor !== "mobile") continue;
          const figures = await runLighthouse(page.url, formFactor, chrome.port, page.withoutScripts);
          measured.set(`${formFactor} ${page.label}`, figures);
        }
      }
    } finally {
      chrome.kill();
    }
    const get = (formFactor: FormFactor, page: Page) => {
      const figures = measured.get(`${formFactor} ${page.label}`);
      if (!figures) throw new Error(`No Lighthouse figures for ${formFactor} ${page.label}`);
      return figures;
    };
    const [bare, withClient, playground, playgroundAlone] = pages as [Page, Page, Page, Page];
    const results: BenchResult[] = [];
    for (const formFactor of FORM_FACTORS) {
      const floor = get(formFactor, bare);
      const bareLcp = { label: bare.label, value: floor.lcpMs };
      const bareTbt = { label: bare.label, value: floor.tbtMs };
      const mobile = formFactor === "mobile";
      for (const page of mobile ? [bare, withClient, playground, playgroundAlone] : [bare, withClient, playground]) {
        const figures = get(formFactor, page);
        const held = page === playground;
        const prefix = `${formFactor} ${page.label}`;
        results.push(
          {
            name: `${prefix} LCP`,
            value: figures.lcpMs,
            unit: "ms",
            ...(page !== bare && { baseline: bareLcp }),
            ...(held && mobile && { maxRatio: 1.3 }),
          },
          {
            name: `${prefix} TBT`,
            value: figures.tbtMs,
            unit: "ms",
            ...(page !== bare && mobile && { baseline: bareTbt }),
            ...(held && mobile && { maxRatio: 1.3 }),
          },
          { name: `${prefix} CLS`, value: figures.cls, unit: "", ...(held && { max: 0 }) },
          { name: `${prefix} score`, value: figures.score, unit: "", ...(held && !mobile && { min: 0.98 }) },
        );
      }
    }
    const outside = [...measured.values()].flatMap((figures) => figures.outsideRequests);
    results.push({ name: "requests to hosts other than loopback", value: outside.length, unit: "requests", max: 0 });
    const mobilePage = get("mobile", playground);
    const mobileAlone = get("mobile", playgroundAlone);
    const notes = [
      `mobile playground /, simulated: FCP ${Math.round(mobilePage.fcpMs)} ms, LCP ${Math.round(mobilePage.lcpMs)} ms; ` +
        `observed unthrottled: FCP ${Math.round(mobilePage.observedFcpMs)} ms, LCP ${Math.round(mobilePage.observedLcpMs)} ms ` +
        "(when they match, the LCP element paints with the first paint, and the simulated gap is the JavaScript " +
        "that had loaded and started running before that paint, which Lighthouse's LCP estimate includes and its FCP estimate does not)",
      `mobile playground /, main-thread time by script: ${mobilePage.bootup}`,
      `mobile playground / without its script files (its HTML and CSS alone), simulated: FCP ${Math.round(mobileAlone.fcpMs)} ms, ` +
        `LCP ${Math.round(mobileAlone.lcpMs)} ms; observed unthrottled: FCP ${Math.round(mobileAlone.observedFcpMs)} ms`,
      ...outside.map((url) => `outside request: ${url}`),
    ];
    return { results, notes };
  },
};

export default bench;
