import "@/lib/security/zod-jitless";
import { z } from "zod";

/**
 * What fal answers for this endpoint, read liberally (docs/fal.md#output): only a file's `url`
 * is required, seeds may be 64-bit (BigInt, see exact-json.ts), unknown fields are kept, and an
 * optional field that is missing, null or odd is dropped rather than refusing a billed result.
 */
// Not `z.number().int()`: zod refuses integers beyond 2^53 there, which is where fal's seeds live.
export const seedSchema = z.union([z.number().refine(Number.isInteger), z.bigint()]);

const optional = <T extends z.ZodType>(schema: T) =>
  schema
    .nullish()
    .catch(undefined)
    .transform((value) => value ?? undefined)
    .optional();

export const falFileSchema = z.looseObject({
  url: z.string().min(1),
  content_type: optional(z.string()),
  file_name: optional(z.string()),
  file_size: optional(z.union([z.number(), z.bigint()])),
});

export const falImageSchema = falFileSchema.extend({
  width: optional(z.number().positive()),
  height: optional(z.number().positive()),
});

export const loraOutputSchema = z.looseObject({
  images: z.array(falImageSchema).min(1),
  seed: optional(seedSchema),
  has_nsfw_concepts: optional(z.array(z.boolean().nullable())),
  debug_latents: optional(falFileSchema),
  debug_per_pass_latents: optional(falFileSchema),
});

export type Seed = z.infer<typeof seedSchema>;
export type FalImage = z.infer<typeof falImageSchema>;
export type LoraOutput = z.infer<typeof loraOutputSchema>;

export type OutputReading = { ok: true; output: LoraOutput } | { ok: false; reason: string };

/** A completed run's result as the page shows it; not ok only when it holds no image to show. */
export function readLoraOutput(data: unknown): OutputReading {
  const parsed = loraOutputSchema.safeParse(data);
  if (parsed.success) return { ok: true, output: parsed.data };
  return { ok: false, reason: "fal finished this run, but its result holds no image URL the page can show." };
}
