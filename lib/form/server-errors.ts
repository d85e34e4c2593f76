import type { FalFieldError } from "@/lib/fal/validation-error";

export type FormFieldError = { name: string; message: string };

/** fal's 422 locations (`["body", "loras", 0, "path"]`) as the form's field names (`loras.0.path`). */
export function toFormFieldErrors(fieldErrors: FalFieldError[]): FormFieldError[] {
  return fieldErrors.flatMap(({ loc, msg }) => {
    const path = loc[0] === "body" ? loc.slice(1) : loc;
    return path.length > 0 ? [{ name: path.join("."), message: msg }] : [];
  });
}
