/** A complaint about one input field; `field` is the form's path, e.g. "loras.0.path". */
export type FieldError = { field: string; message: string };

/** A 422 location as the form's field name: `["body", "loras", 0, "path"]` → `"loras.0.path"`. */
export function formFieldName(loc: readonly (string | number)[]): string {
  return (loc[0] === "body" ? loc.slice(1) : loc).join(".");
}
