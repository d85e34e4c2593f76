import { preloadSectionBodies } from "./section-body";

/** Opens the collapsed groups around the first invalid control of `form` and moves focus to it. */
export function focusFirstError(form: HTMLFormElement | null): boolean {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!invalid) return false;
  for (let details = invalid.closest("details"); details; details = details.parentElement?.closest("details") ?? null) {
    details.open = true;
  }
  invalid.focus();
  invalid.scrollIntoView({ block: "center" });
  return true;
}

/**
 * `focusFirstError` once errors just set are on screen: after the groups' contents are loaded (an
 * error renders its group) and the next frame.
 */
export function focusFirstErrorWhenShown(form: () => HTMLFormElement | null): void {
  void preloadSectionBodies()
    .catch(() => undefined)
    .then(() => requestAnimationFrame(() => focusFirstError(form())));
}
