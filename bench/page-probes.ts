/**
 * Instruments installed in the page under test (serialised by Playwright, so each is self-contained).
 * They find what they time by events, not by the page's layout, so the benchmarks survive a redesign.
 * No named inner functions: tsx would wrap them in its `__name` helper, which the page lacks.
 */

export type ImageLoad = { path: string; loadedAt: number; shownAt: number };
export type TypingSample = { handled: number; frame: number };

/** Every `<img>` load, in epoch ms: when it loaded and the next frame after (when it is on screen). */
export function recordImageLoads() {
  const loads: { path: string; loadedAt: number; shownAt: number }[] = [];
  document.addEventListener(
    "load",
    (event) => {
      const image = event.target;
      if (!(image instanceof HTMLImageElement)) return;
      const loadedAt = performance.timeOrigin + event.timeStamp;
      const path = new URL(image.currentSrc || image.src, location.href).pathname;
      requestAnimationFrame(() => loads.push({ path, loadedAt, shownAt: performance.timeOrigin + performance.now() }));
    },
    true,
  );
  (window as unknown as { benchImageLoads: typeof loads }).benchImageLoads = loads;
}

/** Times each keystroke in the page, from the key event to its handled, laid-out result and to the next frame. */
export function recordTyping() {
  const samples: { handled: number; frame: number }[] = [];
  let started: number | undefined;
  window.addEventListener("keydown", (event) => (started = event.timeStamp), true);
  // Bubbling to the window runs after React's listener on its root (the document) and its synchronous
  // render, whether this is installed before the page's scripts or after.
  window.addEventListener("input", () => {
    const start = started;
    if (start === undefined) return;
    started = undefined;
    void document.body.offsetHeight;
    const handled = performance.now() - start;
    requestAnimationFrame(() => samples.push({ handled, frame: performance.now() - start }));
  });
  (window as unknown as { benchTyping: typeof samples }).benchTyping = samples;
}

/**
 * When the DOM last changed (ms since navigation): the page has settled once nothing changed for a
 * while. `marker` is text whose first appearance is also timed (for example the newest run's prompt).
 */
export function recordMutations(marker: string) {
  const state = { lastMutation: 0, markerAt: -1 };
  new MutationObserver(() => {
    state.lastMutation = performance.now();
    if (state.markerAt < 0 && marker && document.body?.textContent?.includes(marker))
      state.markerAt = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
  (window as unknown as { benchMutations: typeof state }).benchMutations = state;
}
