import { zodResolver } from "@hookform/resolvers/zod";
import { loraInputSchema } from "@/lib/fal/input-schema";

/** The one input schema as react-hook-form checks with it; `formResolver` loads this at the form's first use. */
export const schemaResolver = zodResolver(loraInputSchema);
