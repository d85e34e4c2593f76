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
 * error renders its group), at the first frame that shows an invalid control. React commits the
 * errors of a check in its own task, which on a busy first interaction can come a frame or more
 * after the check itself, so a fixed single frame would sometimes find nothing to focus.
 */
export function focusFirstErrorWhenShown(form: () => HTMLFormElement | null, frames = 60): void {
  const attempt = (left: number) =>
    requestAnimationFrame(() => {
      if (!focusFirstError(form()) && left > 1) attempt(left - 1);
    });
  void preloadSectionBodies()
    .catch(() => undefined)
    .then(() => attempt(frames));
}
