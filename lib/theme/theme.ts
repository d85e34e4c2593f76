/** "system" follows the operating system's light or dark setting; the others pin one. */
export type ThemeChoice = "system" | "light" | "dark";

export const THEME_CHOICES: readonly ThemeChoice[] = ["system", "light", "dark"];

const STORAGE_KEY = "fal-lora-playground:theme";

/**
 * Runs in <head> before the first paint, so a pinned theme never flashes the other one. Without it
 * (or with "system") the page has no data-theme and the CSS follows prefers-color-scheme.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

function isPinned(value: unknown): value is "light" | "dark" {
  return value === "light" || value === "dark";
}

/** The page's theme: the attribute the head script set from storage, or the last choice made here. */
export function readThemeChoice(): ThemeChoice {
  const pinned = document.documentElement.dataset.theme;
  return isPinned(pinned) ? pinned : "system";
}

const listeners = new Set<() => void>();

/** Remembers the choice (when the browser allows storage) and applies it at once. */
export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    if (isPinned(choice)) window.localStorage.setItem(STORAGE_KEY, choice);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode, quota): the choice still holds for this page.
  }
  applyThemeChoice(choice);
  listeners.forEach((listener) => listener());
}

function applyThemeChoice(choice: ThemeChoice): void {
  if (isPinned(choice)) document.documentElement.dataset.theme = choice;
  else delete document.documentElement.dataset.theme;
}

/** For useSyncExternalStore; also follows a choice made in another tab. */
export function subscribeThemeChoice(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    applyThemeChoice(isPinned(event.newValue) ? event.newValue : "system");
    listener();
  };
  listeners.add(listener);
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}
