import type { Config } from "tailwindcss";

/**
 * The theme's home. `accent` is the one brand colour: buttons, focus rings, links, selected tabs and
 * range thumbs all use it, so changing it here changes the page.
 */
const accent = Object.fromEntries(
  [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950].map((step) => [step, `var(--color-violet-${step})`]),
);

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: { accent },
    },
  },
} satisfies Config;
