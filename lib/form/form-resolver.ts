import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import { loraInputSchema } from "@/lib/fal/input-schema";
import { type FormValues, toRequestBody } from "./form-values";

const schemaResolver = zodResolver(loraInputSchema);
type SchemaOptions = Parameters<typeof schemaResolver>[2];

/**
 * Validates what would be sent, with the one input schema: the form's values become the request
 * body first, and as both share field paths the schema's messages land on the form's fields.
 */
export const formResolver: Resolver<FormValues> = async (values, context, options) => {
  const body = toRequestBody(values);
  const result = await schemaResolver(body, context, options as unknown as SchemaOptions);
  if (Object.keys(result.errors).length > 0) return { values: {}, errors: result.errors as FieldValues };
  return { values, errors: {} };
};
