import { toNestErrors } from "@hookform/resolvers";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import { type FormValues, toRequestBody } from "./form-values";
import type { schemaResolver } from "./schema-resolver";
import { SIMULATOR_FILE_MESSAGE, simulatorFileFields } from "./simulator-files";

type SchemaOptions = Parameters<typeof schemaResolver>[2];

/**
 * The schema, and zod with it, load at the form's first use rather than with the page: the page
 * starts the load at the visitor's first touch (`preloadFormSchema`), and every check awaits it.
 */
const loadSchemaResolver = () => import("./schema-resolver").then((module) => module.schemaResolver);

export function preloadFormSchema(): void {
  loadSchemaResolver().catch(() => undefined);
}

/** What the form knows of the page: in fal mode, this server's simulator files are refused. */
export type FormContext = { mode: "fal" | "simulator" | undefined; origin: string };

/**
 * Validates what would be sent, with the one input schema: the form's values become the request
 * body first, and as both share field paths the schema's messages land on the form's fields.
 */
export const formResolver: Resolver<FormValues, FormContext> = async (values, context, options) => {
  const body = toRequestBody(values);
  const schemaResolver = await loadSchemaResolver();
  const result = await schemaResolver(body, context, options as unknown as SchemaOptions);
  if (Object.keys(result.errors).length > 0) return { values: {}, errors: result.errors as FieldValues };
  const simulatorFiles = context?.mode === "fal" ? simulatorFileFields(body, context.origin) : [];
  if (simulatorFiles.length > 0) {
    const errors: FieldErrors = Object.fromEntries(
      simulatorFiles.map((name) => [name, { type: "simulator_file", message: SIMULATOR_FILE_MESSAGE }]),
    );
    return { values: {}, errors: toNestErrors(errors, options) };
  }
  return { values, errors: {} };
};
