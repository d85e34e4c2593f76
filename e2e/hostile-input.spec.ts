import { constants, createDeflate } from "node:zlib";
import { expect, type Page, test } from "@playwright/test";
import { withTextChunks } from "@/lib/generation-data/test-samples";
import { textChunk } from "@/lib/png/png-chunks";
import { fill } from "@/lib/text/hostile-shapes";
import { field } from "./fixtures/form";
import { makePng } from "./fixtures/images";
import { longestGapMs, startWatchdog } from "./fixtures/main-thread-watchdog";

/*
 * What a hostile person pastes or drops, and the longest the tab may stay blocked meanwhile (issue
 * 18's targets): 300 ms for a paste, 500 ms for a drop. The watchdog starts once the payload is in
 * the page, and after a harmless paste or drop has loaded the code that reads them, so what is
 * measured is what the hostile content costs, at best of three tries (bestGap). Pastes land outside
 * any field: text pasted into a text box is laid out by the browser whatever it holds (100 KB of
 * plain text costs as much).
 */
const PASTE_GAP_MS = 300;
const DROP_GAP_MS = 500;

const PARAMS = "Steps: 20, Sampler: Euler, CFG scale: 7, Seed: 1";
const offer = (page: Page) => page.getByRole("dialog", { name: "Generation settings found" });

/** Puts `text` on the page's clipboard and pastes it on the page, outside any field. */
async function pasteOnPage(page: Page, text: string): Promise<void> {
  await page.getByRole("banner").click({ position: { x: 2, y: 2 } });
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press("ControlOrMeta+V");
}

/** A harmless paste of generation data, dismissed: the offer's code is loaded before the watchdog starts. */
async function warmUpPaste(page: Page): Promise<void> {
  await pasteOnPage(page, `cat\n${PARAMS}`);
  await offer(page).getByRole("button", { name: "Dismiss" }).click();
  await expect(offer(page)).toBeHidden();
}

/** Hands the file to the page first, then drops it outside any field; with `watch`, the watchdog starts in between. */
async function dropPng(page: Page, bytes: Uint8Array, name: string, watch = true): Promise<void> {
  await page.evaluate(
    ({ base64, name }) => {
      const binary = atob(base64);
      const data = new Uint8Array(binary.length);
      for (let index = 0; index < binary.length; index++) data[index] = binary.charCodeAt(index);
      (window as Window & { __staged?: File }).__staged = new File([data], name, { type: "image/png" });
    },
    { base64: Buffer.from(bytes).toString("base64"), name },
  );
  if (watch) await startWatchdog(page);
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    const file = (window as Window & { __staged?: File }).__staged;
    if (file) transfer.items.add(file);
    document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
}

/**
 * A zlib stream of 1 MB that inflates to 1 GiB of zeros: once zlib has a window of zeros, each
 * further MiB of them compresses to the same bytes, so one flushed block is repeated.
 */
async function inflatesToOneGiB(): Promise<Uint8Array> {
  const deflate = createDeflate({ level: 9 });
  const flushed = () =>
    new Promise<Buffer>((resolve) => {
      const parts: Buffer[] = [];
      const take = (part: Buffer) => parts.push(part);
      deflate.on("data", take);
      deflate.flush(constants.Z_SYNC_FLUSH, () => {
        deflate.off("data", take);
        resolve(Buffer.concat(parts));
      });
    });
  const mebibyte = Buffer.alloc(1024 * 1024);
  deflate.write(mebibyte);
  const first = await flushed();
  deflate.write(mebibyte);
  const repeated = await flushed();
  deflate.destroy();
  return new Uint8Array(Buffer.concat([first, ...Array.from({ length: 1023 }, () => repeated)]));
}

/** A harmless drop of a plain PNG: the PNG readers are loaded before the watchdog starts. */
async function warmUpDrop(page: Page): Promise<void> {
  await dropPng(page, new Uint8Array(await makePng(32, 32)), "plain.png", false);
  const note = page.getByRole("status").filter({ hasText: '"plain.png" is now the init image' });
  await expect(note).toBeVisible();
  await note.getByRole("button", { name: "Dismiss" }).click();
  await page.getByRole("button", { name: "Remove init image" }).click();
}

/**
 * Waits for an element of `selector` holding `text` by a cheap check of the page's own, then reads
 * the watchdog: Playwright's locators run on the page's main thread too, and their work on a large
 * page would be counted as the page's.
 */
async function gapUntil(page: Page, selector: string, text: string): Promise<number> {
  await page.waitForFunction(
    ([selector, wanted]) =>
      [...document.querySelectorAll(selector)].some((element) => element.textContent?.includes(wanted)),
    [selector, text] as const,
    { polling: 100 },
  );
  return longestGapMs(page, 500);
}

const gapUntilNote = (page: Page, text: string) => gapUntil(page, '[role="status"]', text);
const gapUntilOffer = (page: Page) => gapUntil(page, "dialog[open]", "Generation settings found");

function zTXt(keyword: string, compressed: Uint8Array) {
  return { type: "zTXt", data: new Uint8Array([...Buffer.from(`${keyword}\0\0`, "latin1"), ...compressed]) };
}

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(field(page, "Prompt")).toBeEditable();
});

/**
 * The longest gap of `act` (which starts the watchdog and ends with the page done), at best of
 * three tries: another process taking the CPU lengthens one try's gap, content that blocks the tab
 * lengthens every try's. `reset` puts the page back between tries.
 */
async function bestGap(target: number, act: () => Promise<number>, reset: () => Promise<void>): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && best > target; attempt++) {
    if (attempt > 0) await reset();
    best = Math.min(best, await act());
  }
  return best;
}

/** The best gap of pasting `text`, the offer left open at the end. */
async function pasteGap(page: Page, text: string): Promise<number> {
  await warmUpPaste(page);
  const paste = async () => {
    await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await startWatchdog(page);
    await page.keyboard.press("ControlOrMeta+V");
    return gapUntilOffer(page);
  };
  const dismiss = async () => {
    await offer(page).getByRole("button", { name: "Dismiss" }).click();
    await expect(offer(page)).toBeHidden();
  };
  return bestGap(PASTE_GAP_MS, paste, dismiss);
}

/** The best gap of dropping `png`, until its note says `told`; the image is the init image at the end. */
async function dropGap(page: Page, png: Uint8Array, name: string, told: string): Promise<number> {
  await warmUpDrop(page);
  const drop = async () => {
    await dropPng(page, png, name);
    return gapUntilNote(page, told);
  };
  const clear = async () => {
    await page.getByRole("status").filter({ hasText: told }).getByRole("button", { name: "Dismiss" }).click();
    await page.getByRole("button", { name: "Remove init image" }).click();
  };
  return bestGap(DROP_GAP_MS, drop, clear);
}

test("generation data whose Steps is 100 KB of digits, pasted, leaves the tab responsive", async ({ page }) => {
  expect(await pasteGap(page, fill("cat\nSampler: Euler, CFG scale: 7, Seed: 1, Steps: ", "7"))).toBeLessThanOrEqual(
    PASTE_GAP_MS,
  );
  await offer(page).getByRole("button", { name: "Fill the form from these generation settings" }).click();
  await expect(page.getByRole("region", { name: /^Filled the form from/ })).toContainText(
    "is not a number, so Inference steps was left as it was",
  );
});

test("a parameter line ending in 100 KB of spaces, pasted, leaves the tab responsive", async ({ page }) => {
  expect(await pasteGap(page, fill(`cat\n${PARAMS}, Note: a`, " "))).toBeLessThanOrEqual(PASTE_GAP_MS);
});

test("9,900 LoRA tags fill 32 LoRA rows, the summary says how many were left out, and the tab stays responsive", async ({
  page,
}) => {
  expect(await pasteGap(page, `${"<lora:a:1>".repeat(9_900)}\n${PARAMS}`)).toBeLessThanOrEqual(PASTE_GAP_MS);
  await offer(page).getByRole("button", { name: "Fill the form from these generation settings" }).click();
  const summary = page.getByRole("region", { name: /^Filled the form from/ });
  await expect(summary).toContainText("9,868 more LoRAs were left out (a run takes at most 32)");
  await expect(field(page, "LoRA 32 path")).toBeAttached();
  await expect(field(page, "LoRA 33 path")).toHaveCount(0);
});

test("a Fooocus PNG with 200 KB of digits is too large to read and becomes the init image", async ({ page }) => {
  const png = withTextChunks(new Uint8Array(await makePng(64, 48)), {
    parameters: fill('{"prompt": "a", "steps": ', "9", "}", 200_000),
    fooocus_scheme: "fooocus",
  });
  const told = 'The settings in this PNG are too large to read. "fooocus.png" is now the init image.';
  expect(await dropGap(page, png, "fooocus.png", told)).toBeLessThanOrEqual(DROP_GAP_MS);
  await expect(page.getByText("64 × 48")).toBeVisible();
});

test("a 1 MB zTXt that inflates to 1 GiB is read to 1 MiB only: too large, and the image is the init image", async ({
  page,
}) => {
  const png = withTextChunks(new Uint8Array(await makePng(64, 48)), [zTXt("parameters", await inflatesToOneGiB())]);
  expect(png.length).toBeGreaterThan(1_000_000);
  const told = 'The settings in this PNG are too large to read. "bomb.png" is now the init image.';
  expect(await dropGap(page, png, "bomb.png", told)).toBeLessThanOrEqual(DROP_GAP_MS);
  await expect(page.getByText("64 × 48")).toBeVisible();
});

test("four such chunks under keywords the page does not read are never inflated", async ({ page }) => {
  const bomb = await inflatesToOneGiB();
  const chunks = ["junk1", "junk2", "junk3", "junk4"].map((keyword) => zTXt(keyword, bomb));
  const png = withTextChunks(new Uint8Array(await makePng(64, 48)), [...chunks, textChunk("Software", "x")]);
  const told =
    'This image carries no settings. Only PNGs from this playground, AUTOMATIC1111, Forge or Fooocus do. "junk.png" is now the init image.';
  expect(await dropGap(page, png, "junk.png", told)).toBeLessThanOrEqual(DROP_GAP_MS);
  await expect(page.getByText("64 × 48")).toBeVisible();
});
