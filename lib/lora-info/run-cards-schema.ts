import { z } from "zod";
import { CARD_PROBLEMS, FAMILIES, type RunCards, TRAINER_LAYOUTS, WEIGHTS_ROLES, type WeightsCard } from "./card";

const text = z.string();

/** A card as history keeps it; one that no longer reads is dropped, never the run with it. */
const weightsCardSchema = z.object({
  path: text,
  role: z.enum(WEIGHTS_ROLES),
  source: z.enum(["url", "huggingface", "civitai"]),
  title: text.optional(),
  file: z.object({ name: text, bytes: z.number().optional() }).optional(),
  family: z.object({ family: z.enum(FAMILIES), name: text, evidence: text }).optional(),
  disagreement: text.optional(),
  layout: z.enum(TRAINER_LAYOUTS).optional(),
  rank: text.optional(),
  alpha: text.optional(),
  tensors: z.number().optional(),
  trainedOn: text.optional(),
  resolution: text.optional(),
  pipeline: text.optional(),
  triggerWords: z.array(z.object({ word: text, from: text })),
  baseModel: text.optional(),
  preview: text.optional(),
  token: z.enum(["needed", "given"]).optional(),
  useInstead: z.object({ path: text, label: text }).optional(),
  problem: z.object({ kind: z.enum(CARD_PROBLEMS), message: text }).optional(),
  notes: z.array(text),
  bytesRead: z.number().optional(),
}) satisfies z.ZodType<WeightsCard>;

export const runCardsSchema = z.object({
  model: weightsCardSchema.optional(),
  loras: z.array(weightsCardSchema.nullable()),
}) satisfies z.ZodType<RunCards>;
