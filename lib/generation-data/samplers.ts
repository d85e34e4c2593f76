import type { Scheduler } from "@/lib/fal/input-schema";

/** fal's scheduler for an A1111 sampler and schedule, with a plain note where they differ. */
export type SamplerReading = { scheduler: Scheduler | undefined; note?: string };

/**
 * A1111's schedule types (`modules/sd_schedulers.py`: label, name, aliases) and Fooocus's
 * ComfyUI scheduler names, by one key each. "own" is the model's own timestep spacing, which is
 * what fal's schedulers without "Karras" or "trailing" use.
 */
const SCHEDULES: Record<string, string> = {
  automatic: "automatic",
  uniform: "own",
  normal: "own",
  karras: "karras",
  exponential: "exponential",
  polyexponential: "polyexponential",
  "sgm uniform": "trailing",
  sgmuniform: "trailing",
  sgm_uniform: "trailing",
  simple: "trailing",
  "kl optimal": "KL Optimal",
  kl_optimal: "KL Optimal",
  "align your steps": "Align Your Steps",
  align_your_steps: "Align Your Steps",
  ddim: "own",
  ddim_uniform: "own",
  beta: "Beta",
  lcm: "own",
  turbo: "Turbo",
  tcd: "own",
  "edm_playground_v2.5": "EDM Playground v2.5",
};

/** The schedule A1111 picks for "Automatic" (`options['scheduler']` in `sd_samplers_kdiffusion.py`). */
const AUTOMATIC: Record<string, string> = {
  "DPM++ 2M": "karras",
  "DPM++ SDE": "karras",
  "DPM++ 2S a": "karras",
  "DPM++ 2M SDE": "exponential",
  "DPM++ 2M SDE Heun": "exponential",
  "DPM++ 3M SDE": "exponential",
};

/** Fooocus's (ComfyUI's) sampler names as A1111 calls them (Fooocus `modules/flags.py`). */
const FOOOCUS_SAMPLERS: Record<string, string> = {
  euler: "Euler",
  euler_ancestral: "Euler a",
  heun: "Heun",
  heunpp2: "Heun++",
  dpm_2: "DPM2",
  dpm_2_ancestral: "DPM2 a",
  lms: "LMS",
  dpm_fast: "DPM fast",
  dpm_adaptive: "DPM adaptive",
  dpmpp_2s_ancestral: "DPM++ 2S a",
  dpmpp_sde: "DPM++ SDE",
  dpmpp_sde_gpu: "DPM++ SDE",
  dpmpp_2m: "DPM++ 2M",
  dpmpp_2m_sde: "DPM++ 2M SDE",
  dpmpp_2m_sde_gpu: "DPM++ 2M SDE",
  dpmpp_3m_sde: "DPM++ 3M SDE",
  dpmpp_3m_sde_gpu: "DPM++ 3M SDE",
  ddpm: "DDPM",
  lcm: "LCM",
  tcd: "TCD",
  restart: "Restart",
  ddim: "DDIM",
  uni_pc: "UniPC",
  uni_pc_bh2: "UniPC",
};

type Family = { plain: Scheduler; karras?: Scheduler; trailing?: Scheduler };

/** A1111 samplers fal has, by the diffusers equivalents in diffusers' scheduler overview. */
const FAMILIES: Record<string, Family> = {
  "Euler a": { plain: "Euler A" },
  Euler: { plain: "Euler", trailing: "Euler (trailing timesteps)" },
  "DPM++ 2M": { plain: "DPM++ 2M", karras: "DPM++ 2M Karras" },
  "DPM++ 2M SDE": { plain: "DPM++ 2M SDE", karras: "DPM++ 2M SDE Karras" },
  LCM: { plain: "LCM", trailing: "LCM (trailing timesteps)" },
  DDIM: { plain: "DDIM" },
  TCD: { plain: "TCD" },
};

/**
 * How A1111 names fal's scheduler: the sampler of its family, and a schedule type where A1111's
 * "Automatic" would pick another schedule than the one fal uses ("Uniform" is the model's own).
 * The inverse of `mapSampler`, from the same table.
 */
export function a1111Sampler(scheduler: Scheduler): { sampler: string; schedule?: string } {
  for (const [sampler, family] of Object.entries(FAMILIES)) {
    if (family.karras === scheduler) return { sampler, schedule: "Karras" };
    if (family.trailing === scheduler) return { sampler, schedule: "SGM Uniform" };
    if (family.plain === scheduler) return AUTOMATIC[sampler] ? { sampler, schedule: "Uniform" } : { sampler };
  }
  return { sampler: scheduler };
}

/** What fal has nearest to a sampler it lacks, said as a suggestion, never set for the user. */
const NEAREST: Record<string, Scheduler> = {
  "DPM++ SDE": "DPM++ 2M SDE",
  "DPM++ 2M SDE Heun": "DPM++ 2M SDE",
  "DPM++ 3M SDE": "DPM++ 2M SDE",
  "DPM++ 2S a": "DPM++ 2M",
  UniPC: "DPM++ 2M",
  "Euler a CFG++": "Euler A",
  "Euler CFG++": "Euler",
  "DDIM CFG++": "DDIM",
  PLMS: "DDIM",
  Heun: "Euler",
  LMS: "Euler",
  DPM2: "Euler",
  "DPM2 a": "Euler A",
};

/** Longest first, so "SGM Uniform" is found before "Uniform". */
const SCHEDULE_SUFFIXES = Object.keys(SCHEDULES)
  .filter((key) => !key.includes("_"))
  .sort((a, b) => b.length - a.length);

const LABELS: Record<string, string> = {
  karras: "Karras",
  exponential: "Exponential",
  polyexponential: "Polyexponential",
};

function familyOf(name: string): string | undefined {
  return Object.keys(FAMILIES).find((key) => key.toLowerCase() === name.toLowerCase());
}

/** Splits "DPM++ 2M Karras" into its sampler and schedule, as A1111 ≥ 1.9 reads older names. */
function splitSuffix(sampler: string): { sampler: string; schedule?: string } {
  const lower = sampler.toLowerCase();
  const suffix = SCHEDULE_SUFFIXES.find((name) => lower.endsWith(` ${name}`));
  if (!suffix) return { sampler };
  return { sampler: sampler.slice(0, -(suffix.length + 1)).trim(), schedule: sampler.slice(-suffix.length) };
}

/**
 * Maps an A1111 sampler (old combined names such as "DPM++ 2M Karras" too, and Fooocus's names)
 * and its schedule type to fal's scheduler. Without a schedule type the name alone says it (A1111
 * before 1.9); "Automatic" is the sampler's own default there, which for DPM++ 2M is Karras.
 */
export function mapSampler(samplerText: string, scheduleText?: string): SamplerReading {
  const given = FOOOCUS_SAMPLERS[samplerText.trim().toLowerCase()] ?? samplerText.trim();
  const split = splitSuffix(given);
  const family = familyOf(split.sampler);
  const schedule = (split.schedule ?? scheduleText)?.trim();
  const automatic = schedule !== undefined && SCHEDULES[schedule.toLowerCase()] === "automatic";
  const key =
    schedule === undefined
      ? "own"
      : automatic
        ? (AUTOMATIC[family ?? split.sampler] ?? "own")
        : (SCHEDULES[schedule.toLowerCase()] ?? schedule);

  if (!family) {
    const nearest = NEAREST[split.sampler];
    const karras = key === "karras" && nearest?.startsWith("DPM++") ? " Karras" : "";
    return {
      scheduler: undefined,
      note: `fal has no "${given}" sampler, so the scheduler was left at the model's default.${nearest ? ` The nearest fal has is ${nearest}${karras}.` : ""}`,
    };
  }
  const choices = FAMILIES[family] as Family;
  if (key === "own") return { scheduler: choices.plain };
  if (key === "karras" && choices.karras) return { scheduler: choices.karras };
  if (key === "trailing" && choices.trailing) return { scheduler: choices.trailing };
  const label = automatic
    ? `${LABELS[key] ?? key} schedule (what A1111 picks for "Automatic")`
    : `${LABELS[key] ?? schedule ?? key} schedule`;
  return {
    scheduler: choices.plain,
    note: `"${split.sampler}" with the ${label}: fal's ${choices.plain} has no such schedule, so ${choices.plain} with the model's own schedule was set.`,
  };
}
