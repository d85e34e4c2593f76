import { appDefaults } from "@/lib/fal/defaults";
import { stringifyExactJson } from "@/lib/fal/exact-json";
import { type LoraInput, type LoraRequest, loraInputSchema } from "@/lib/fal/input-schema";
import { describeField as itemLabel, fieldLabels, itemFieldLabels, type ListField } from "@/lib/fal/field-labels";

/** How a value reads, so the page can show images as thumbnails and long text wrapped. */
export type SettingKind = "text" | "number" | "switch" | "image" | "list-item";

/** One setting that differs between run A and run B, both sides as text ("—" for unset). */
export type SettingDifference = {
  /** The request path, e.g. "guidance_scale", "loras.1.scale". */
  path: string;
  /** The form's words: "Guidance scale (CFG)", "LoRA 2 scale". */
  label: string;
  kind: SettingKind;
  a: string;
  b: string;
};

export const UNSET = "—";

const LISTS: readonly ListField[] = ["loras", "embeddings", "controlnets", "ip_adapter"];
const IMAGE_FIELDS = new Set([
  "image_url",
  "mask_url",
  "ip_adapter_image_url",
  "ip_adapter_mask_url",
  "ic_light_model_background_image_url",
  "ic_light_image_url",
]);

/** A run as compared: what it was sent and, once done, the seed it used (a random seed is only known then). */
export type ComparedRun = { input: LoraRequest; seed?: number };

/**
 * What a run's settings mean: defaults filled in (the app's own where fal's schema declares none),
 * so "left out" and "sent at its default" compare equal, and the seed it used in place of "random".
 */
function meaning({ input, seed }: ComparedRun): Record<string, unknown> {
  const parsed = loraInputSchema.safeParse(input);
  const settings: Record<string, unknown> = { ...appDefaults, ...(parsed.success ? parsed.data : input) };
  return seed === undefined ? settings : { ...settings, seed };
}

function kindOf(key: string, value: unknown): SettingKind {
  if (IMAGE_FIELDS.has(key)) return "image";
  if (typeof value === "number" || typeof value === "bigint") return "number";
  if (typeof value === "boolean") return "switch";
  return "text";
}

function show(key: string, value: unknown): string {
  if (value === undefined || value === null || value === "") {
    if (key === "seed") return "random";
    if (key === "scheduler") return "the model's own";
    if (key === "timesteps" || key === "sigmas") return "default";
    return UNSET;
  }
  if (typeof value === "boolean") return value ? "on" : "off";
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return value.map((item) => show(key, item)).join(", ");
  if (key === "timesteps" || key === "sigmas") {
    const schedule = value as { method?: string; array?: unknown[] };
    return schedule.method === "array" ? (schedule.array ?? []).join(", ") : "default";
  }
  return stringifyExactJson(value);
}

const same = (a: unknown, b: unknown) => stringifyExactJson(a) === stringifyExactJson(b);

/** One list item in a line, for an item only one run has: "nerijs/pixel-art-xl (scale 0.8)". */
function summary(list: ListField, item: Record<string, unknown>): string {
  const scale =
    list === "loras" || list === "ip_adapter"
      ? item.scale
      : list === "controlnets"
        ? item.conditioning_scale
        : undefined;
  return typeof scale === "number" ? `${String(item.path)} (scale ${scale})` : String(item.path);
}

function itemDifferences(
  list: ListField,
  index: number,
  a: Record<string, unknown> | undefined,
  b: Record<string, unknown> | undefined,
): SettingDifference[] {
  const path = `${list}.${index}`;
  if (!a || !b) {
    const label = itemLabel(list, index);
    return [{ path, label, kind: "list-item", a: a ? summary(list, a) : UNSET, b: b ? summary(list, b) : UNSET }];
  }
  const labels: Record<string, string> = itemFieldLabels[list];
  const differences: SettingDifference[] = [];
  for (const [key, words] of Object.entries(labels)) {
    const [left, right] = [a[key], b[key]];
    if (same(left, right)) continue;
    if (key === "ip_adapter_image_url") {
      // One image or several: compared image by image, named as the form names them.
      const [images, others] = [[left].flat(), [right].flat()];
      for (let at = 0; at < Math.max(images.length, others.length); at += 1) {
        if (same(images[at], others[at])) continue;
        const label = `${itemLabel(list, index)} ${words} ${at + 1}`;
        differences.push({
          path: `${path}.${key}.${at}`,
          label,
          kind: "image",
          a: show(key, images[at]),
          b: show(key, others[at]),
        });
      }
      continue;
    }
    differences.push({
      path: `${path}.${key}`,
      label: `${itemLabel(list, index)} ${words}`,
      kind: kindOf(key, left ?? right),
      a: show(key, left),
      b: show(key, right),
    });
  }
  return differences;
}

/**
 * The settings that differ between two runs' inputs, in the form's order and words. Defaults are
 * filled in first, so only real differences are listed; list items are compared position by position.
 */
export function settingsDiff(runA: ComparedRun, runB: ComparedRun): SettingDifference[] {
  const a = meaning(runA);
  const b = meaning(runB);
  const differences: SettingDifference[] = [];
  for (const key of Object.keys(fieldLabels) as (keyof LoraInput)[]) {
    const [left, right] = [a[key], b[key]];
    if (same(left, right)) continue;
    if ((LISTS as readonly string[]).includes(key)) {
      const list = key as ListField;
      const [items, others] = [(left ?? []) as Record<string, unknown>[], (right ?? []) as Record<string, unknown>[]];
      for (let index = 0; index < Math.max(items.length, others.length); index += 1) {
        differences.push(...itemDifferences(list, index, items[index], others[index]));
      }
      continue;
    }
    differences.push({
      path: key,
      label: fieldLabels[key],
      kind: kindOf(key, left ?? right),
      a: show(key, left),
      b: show(key, right),
    });
  }
  return differences;
}
