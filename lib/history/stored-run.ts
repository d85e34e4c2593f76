import { z } from "zod";
import type { LoraRequest } from "@/lib/fal/input-schema";
import { loraOutputSchema } from "@/lib/fal/output-schema";
import { runCardsSchema } from "@/lib/lora-info/run-cards-schema";
import type { Run } from "@/lib/runs/run-state";

const runErrorSchema = z.object({
  kind: z.enum(["validation", "api", "network", "result"]),
  message: z.string(),
  fieldErrors: z.array(z.object({ field: z.string(), message: z.string() })),
  retryable: z.boolean(),
  raw: z.string().optional(),
  errorType: z.string().optional(),
  billing: z.string().optional(),
});

const connectionSchema = z.discriminatedUnion("state", [
  z.object({ state: z.literal("reconnecting"), attempt: z.number(), reason: z.string() }),
  z.object({ state: z.literal("lost"), reason: z.string() }),
]);

const runPriceSchema = z.union([
  z.object({ unitPrice: z.string(), unit: z.string(), currency: z.string(), simulated: z.boolean() }),
  z.object({ unknown: z.string() }),
]);

/**
 * The input as it was sent. A newer page may have tightened a rule it once passed, so only what the
 * page shows of it is required here; "Reuse settings" reads the rest field by field and names what
 * no longer fits.
 */
const shownInputSchema = z.looseObject({ model_name: z.string(), prompt: z.string() });

/**
 * What history accepts back from IndexedDB: records written by an older page, or edited by hand,
 * are skipped rather than crashing the page. The input is kept exactly as it was sent.
 */
export const storedRunSchema = z.object({
  id: z.string().min(1),
  requestId: z.string().optional(),
  input: z.custom<LoraRequest>((value) => shownInputSchema.safeParse(value).success),
  status: z.enum(["submitting", "queued", "running", "completed", "failed", "cancelled"]),
  queuePosition: z.number().optional(),
  logs: z.array(z.object({ message: z.string(), level: z.string(), timestamp: z.string() })),
  output: loraOutputSchema.optional(),
  error: runErrorSchema.optional(),
  inferenceTime: z.number().optional(),
  billableUnits: z.string().optional(),
  price: runPriceSchema.optional(),
  cancelRequested: z.boolean().optional(),
  connection: connectionSchema.optional(),
  requeues: z.number().optional(),
  notice: z.string().optional(),
  cards: runCardsSchema.optional().catch(undefined),
  startedAt: z.number(),
  endedAt: z.number().optional(),
}) satisfies z.ZodType<Run>;

export function toStoredRun(value: unknown): Run | undefined {
  const parsed = storedRunSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
