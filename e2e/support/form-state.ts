import type { Page } from "@playwright/test";

/** Every control of the settings form with its value, in page order: the form as a user sees it. */
export function formState(page: Page): Promise<[string, string][]> {
  return page.getByRole("form", { name: "Run settings" }).evaluate((form) =>
    Array.from(
      form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>("input, textarea, select"),
    )
      .filter((control) => control.type !== "file")
      .map((control): [string, string] => [
        control.id || control.name,
        control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")
          ? String(control.checked)
          : control.value,
      ]),
  );
}
