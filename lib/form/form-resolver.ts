import { toNestErrors } from "@hookform/resolvers";
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import { loraInputSchema } from "@/lib/fal/input-schema";
import { type FormValues, toRequestBody } from "./form-values";
import { SIMULATOR_FILE_MESSAGE, simulatorFileFields } from "./simulator-files";

const schemaResolver = zodResolver(loraInputSchema);
type SchemaOptions = Parameters<typeof schemaResolver>[2];

/** What the form knows of the page: in fal mode, this server's simulator files are refused. */
export type FormContext = { mode: "fal" | "simulator"; origin: string };

/**
 * Validates what would be sent, with the one input schema: the form's values become the request
 * body first, and as both share field paths the schema's messages land on the form's fields.
 */
export const formResolver: Resolver<FormValues, FormContext> = async (values, context, options) => {
  const body = toRequestBody(values);
  const result = await schemaResolver(body, context, options as unknown as SchemaOptions);
  if (Object.keys(result.errors).length > 0) return { values: {}, errors: result.errors as FieldValues };
  const simulatorFiles = context?.mode === "fal" ? simulatorFileFields(body, context.origin) : [];
  if (simulatorFiles.length > 0) {
    const errors: FieldErrors = Object.fromEntries(simulatorFiles.map((name) => [name, { type: "simulator_file", message: SIMULATOR_FILE_MESSAGE }]));
    return { values: {}, errors: toNestErrors(errors, options) };
  }
  return { values, errors: {} };
};
