import type { ComponentProps } from "react";

/**
 * - `primary`: the one main action of a place (Run, Apply, Save).
 * - `secondary`: every other action; shows itself open while `aria-expanded` is true.
 * - `ghost`: borderless, for icon buttons in a row (the theme switch); pressed while `aria-pressed`.
 * - `segment`: one choice of a segmented control; selected while `aria-pressed` is true (a button)
 *   or its radio is checked (a label wrapping one).
 * - `danger`: confirms something that cannot be undone.
 */
export type ButtonVariant = "primary" | "secondary" | "ghost" | "segment" | "danger";

/** `sm` in form lists and run cards, `md` everywhere else, `lg` for Run and its neighbours, `icon` a square. */
export type ButtonSize = "sm" | "md" | "lg" | "icon";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-accent-600 text-white hover:bg-accent-700",
  secondary:
    "border border-zinc-300 hover:bg-zinc-100 aria-expanded:border-accent-600 aria-expanded:bg-accent-50 dark:border-zinc-700 dark:hover:bg-zinc-800 dark:aria-expanded:bg-accent-950/40",
  ghost:
    "text-zinc-600 hover:bg-zinc-100 aria-pressed:bg-accent-100 aria-pressed:text-accent-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-pressed:bg-accent-950 dark:aria-pressed:text-accent-100",
  segment:
    "border border-zinc-300 aria-pressed:border-accent-600 aria-pressed:bg-accent-600 aria-pressed:text-white has-checked:border-accent-600 has-checked:bg-accent-600 has-checked:text-white dark:border-zinc-700",
  danger:
    "border border-red-400 text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/40",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "rounded-md px-2 py-1 text-xs",
  md: "rounded-md px-3 py-1 text-sm",
  lg: "min-h-11 rounded-lg px-4 py-2 shadow-sm",
  icon: "flex size-8 items-center justify-center rounded-md",
};

/** Labels are medium weight; the main action stands out a step more where it is large (Run). */
function weightOf(variant: ButtonVariant, size: ButtonSize): string {
  if (size === "lg") return variant === "primary" ? "font-semibold" : "font-medium";
  return variant === "primary" ? "font-medium" : "";
}

/** One focus and one disabled look for every button, whatever element carries it. */
const OWN_STATES =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 disabled:opacity-50";
const INNER_INPUT_STATES =
  "cursor-pointer has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-500 has-disabled:cursor-default has-disabled:opacity-50";

export type ButtonStyle = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /**
   * Layout, and weight where the variant sets none (margins, `self-*`, `flex-1`, `font-medium` on a
   * small secondary): never a colour, padding or text size, which would fight the variant's.
   */
  className?: string;
};

/**
 * The class names of a Button, for the few elements that must look like one without being a
 * `<button>`: a link (`<a>`), or a `<label>` wrapping a visually hidden input (a file picker, the
 * radio of a segmented control); set `wrapsInput` for the latter, so focus and disabled follow the input.
 */
export function buttonClassName({
  variant = "secondary",
  size = "md",
  className,
  wrapsInput = false,
}: ButtonStyle & { wrapsInput?: boolean }): string {
  return [
    SIZES[size],
    VARIANTS[variant],
    weightOf(variant, size),
    wrapsInput ? INNER_INPUT_STATES : OWN_STATES,
    className,
  ]
    .filter(Boolean)
    .join(" ");
}

type ButtonProps = ComponentProps<"button"> & Omit<ButtonStyle, "className">;

/**
 * The playground's button: `<Button variant="primary" onClick={run}>Run</Button>`. A `<button>`
 * with every prop of one; `type` is "button" unless given (a form submits only where it says so),
 * the variant is `secondary` and the size `md` unless given. Anything that is not a `<button>`
 * but must look like one takes `buttonClassName`. Tabs (TabList), thumbnails, preset cards and
 * underlined text actions are not buttons to the eye and keep their own look.
 */
export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClassName({ variant, size, className })} {...props} />;
}
