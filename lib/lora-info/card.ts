/*
 * What the page knows about a set of weights before it is sent: the card under a LoRA row and under
 * the model. Plain data, shared by the route that builds it, the form that shows it and the
 * history that keeps it with a run.
 */

/** Which field a card is about; the route looks a little differently for each. */
export const WEIGHTS_ROLES = ["lora", "model", "controlnet", "ip-adapter"] as const;
export type WeightsRole = (typeof WEIGHTS_ROLES)[number];

/** The families this endpoint runs (diffusers' Stable Diffusion pipelines), and "other" for what it cannot. */
export const FAMILIES = ["sd1", "sd2", "sdxl", "other"] as const;
export type Family = (typeof FAMILIES)[number];

export const FAMILY_LABELS: Record<Family, string> = {
  sd1: "SD 1.x",
  sd2: "SD 2.x",
  sdxl: "SDXL",
  other: "not SD or SDXL",
};

/** What the weights were made for, and what told. */
export type FamilyFinding = {
  family: Family;
  /** In the user's words, as precise as the source was: "SD 1.5", "Pony (SDXL)", "Flux". */
  name: string;
  /** "a second text encoder (lora_te2_ tensors)", "Civitai lists its base model as SD 1.5". */
  evidence: string;
};

/** How the trainer laid the tensors out. */
export const TRAINER_LAYOUTS = ["kohya", "peft", "diffusers-old", "lycoris", "checkpoint", "diffusers-repo"] as const;
export type TrainerLayout = (typeof TRAINER_LAYOUTS)[number];

export const LAYOUT_LABELS: Record<TrainerLayout, string> = {
  kohya: "kohya / A1111 (lora_down, lora_up)",
  peft: "diffusers / PEFT (lora_A, lora_B)",
  "diffusers-old": "older diffusers (lora.down, lora.up)",
  lycoris: "LyCORIS (LoHa / LoKr)",
  checkpoint: "single-file checkpoint",
  "diffusers-repo": "diffusers repository",
};

/** Why a card could not say more; the message is the user's. */
export const CARD_PROBLEMS = [
  "unreachable",
  "timeout",
  "not-found",
  "needs-token",
  "forbidden",
  "header-too-large",
  "not-safetensors",
  "truncated",
  "private-address",
  "rate-limited",
  "unsupported",
] as const;
export type CardProblemKind = (typeof CARD_PROBLEMS)[number];

export type TriggerWord = {
  word: string;
  /** Where it was found: "Civitai", "the model card", "modelspec.trigger_phrase", "training tags". */
  from: string;
};

export type WeightsCard = {
  /** The path as entered (a Civitai token in it is kept out: see `token`). */
  path: string;
  role: WeightsRole;
  source: "url" | "huggingface" | "civitai";
  title?: string;
  /** The file whose header was read. */
  file?: { name: string; bytes?: number };
  family?: FamilyFinding;
  /** Another source that disagrees with `family`, said as it said it. */
  disagreement?: string;
  layout?: TrainerLayout;
  /** "16", or "4–32" when the blocks differ. */
  rank?: string;
  alpha?: string;
  tensors?: number;
  /** What the trainer or the host says it was made on, verbatim: `sdxl_base_v1-0`, `SD 1.5`. */
  trainedOn?: string;
  resolution?: string;
  /** The diffusers pipeline class of a model repository. */
  pipeline?: string;
  triggerWords: TriggerWord[];
  /** A base model the card names by a path fal can load (a Hugging Face id or a URL). */
  baseModel?: string;
  /** An https image of what the weights make. */
  preview?: string;
  /** "needed": the file answers 401 without a Civitai token; "given": the path carries one. */
  token?: "needed" | "given";
  /** The path as entered is not a file fal can download; this one is. */
  useInstead?: { path: string; label: string };
  problem?: { kind: CardProblemKind; message: string };
  notes: string[];
  /** Bytes of the file read to fill the card. */
  bytesRead?: number;
};

/** The cards of a run's weights, kept with it in history. */
export type RunCards = {
  model?: WeightsCard;
  /** By position in the run's `loras`; null where no card was ready. */
  loras: (WeightsCard | null)[];
};
