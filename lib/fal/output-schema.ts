import "@/lib/security/zod-jitless";
import { z } from "zod";

export const falFileSchema = z.object({
  url: z.string(),
  content_type: z.string(),
  file_name: z.string(),
  file_size: z.number().int(),
});

export const falImageSchema = falFileSchema.extend({
  width: z.number().int(),
  height: z.number().int(),
});

export const loraOutputSchema = z.object({
  images: z.array(falImageSchema),
  seed: z.number().int(),
  has_nsfw_concepts: z.array(z.boolean()),
  debug_latents: falFileSchema.nullable().optional(),
  debug_per_pass_latents: falFileSchema.nullable().optional(),
});

export type FalImage = z.infer<typeof falImageSchema>;
export type LoraOutput = z.infer<typeof loraOutputSchema>;
