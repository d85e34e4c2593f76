import type { FalFieldError } from "@/lib/fal/validation-error";

export type FormFieldError = { name: string; message: string };

/** A 422 location as the form's field name: `["body", "loras", 0, "path"]` → `"loras.0.path"`. */
export function formFieldName(loc: readonly (string | number)[]): string {
  return (loc[0] === "body" ? loc.slice(1) : loc).join(".");
}

/** fal's 422 locations (`["body", "loras", 0, "path"]`) as the form's field names (`loras.0.path`). */
export function toFormFieldErrors(fieldErrors: FalFieldError[]): FormFieldError[] {
  return fieldErrors.flatMap(({ loc, msg }) => {
    const name = formFieldName(loc);
    return name ? [{ name, message: msg }] : [];
  });
}
