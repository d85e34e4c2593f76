import type { ModelHint } from "./reading";

type Listener = () => void;

let current: ModelHint | undefined;
const listeners = new Set<Listener>();

/**
 * The model the last generation data named, shown beside the model field until dismissed or
 * undone. Kept outside the form: it is a hint to the user, never a value to send.
 */
export const modelHintStore = {
  get: (): ModelHint | undefined => current,
  set(hint: ModelHint | undefined): void {
    current = hint;
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
