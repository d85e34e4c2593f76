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
