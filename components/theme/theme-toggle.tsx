"use client";

import { useSyncExternalStore } from "react";
import {
  readThemeChoice,
  saveThemeChoice,
  subscribeThemeChoice,
  THEME_CHOICES,
  type ThemeChoice,
} from "@/lib/theme/theme";
import { Button } from "@/components/ui/button";

const LABELS: Record<ThemeChoice, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };

const ICONS: Record<ThemeChoice, React.ReactNode> = {
  system: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
  light: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>
  ),
  dark: <path d="M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5Z" />,
};

/** Follow the system, or pin light or dark; remembered in this browser. */
export function ThemeToggle() {
  const choice = useSyncExternalStore(subscribeThemeChoice, readThemeChoice, () => "system" as const);
  return (
    <div role="group" aria-label="Theme" className="flex rounded-lg border border-zinc-200 p-0.5 dark:border-zinc-700">
      {THEME_CHOICES.map((option) => (
        <Button
          key={option}
          aria-label={LABELS[option]}
          title={LABELS[option]}
          aria-pressed={choice === option}
          onClick={() => saveThemeChoice(option)}
          variant="ghost"
          size="icon"
        >
          <svg
            viewBox="0 0 24 24"
            className="size-4"
            aria-hidden="true"
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            {ICONS[option]}
          </svg>
        </Button>
      ))}
    </div>
  );
}
