import type { FieldPath } from "react-hook-form";
import type { FormValues } from "@/lib/form/form-values";
import type { FieldError } from "@/lib/form/server-errors";
import { focusFirstErrorWhenShown } from "./focus-first-error";
import type { PlaygroundFormApi } from "./use-playground-form";

export const RUN_SETTINGS_FORM_ID = "run-settings";

/** Puts a server 422 on the fields it names, opens their group and moves focus to the first one. */
export function showServerErrors(form: PlaygroundFormApi, fieldErrors: FieldError[]): void {
  for (const { field, message } of fieldErrors) {
    form.setError(field as FieldPath<FormValues>, { type: "server", message });
  }
  focusFirstErrorWhenShown(() => document.getElementById(RUN_SETTINGS_FORM_ID) as HTMLFormElement | null);
}
