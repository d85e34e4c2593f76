"use client";

import type { TriggerWord } from "@/lib/lora-info/card";
import { inPrompt, missingTriggers } from "@/lib/lora-info/fit";
import { noteClass } from "./card-view";

const chipClass =
  "rounded-full border border-zinc-300 bg-white px-2 py-0.5 text-xs hover:border-accent-500 hover:bg-accent-50 disabled:cursor-default disabled:border-transparent disabled:bg-transparent disabled:text-zinc-600 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-accent-950 dark:disabled:bg-transparent dark:disabled:text-zinc-400";

type WordsProps = {
  words: TriggerWord[];
  prompt: string;
  /** Adds a word to the prompt; without it (a run in history) the words are only listed. */
  onInsert?: (word: string) => void;
};

function WordButtons({ title, words, prompt, onInsert }: WordsProps & { title: string }) {
  if (words.length === 0) return null;
  if (!onInsert) {
    return (
      <p>
        <span className="text-zinc-600 dark:text-zinc-400">{title}:</span> {words.map(({ word }) => word).join(", ")}
      </p>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-1" role="group" aria-label={title}>
      <span className="mr-1 text-zinc-600 dark:text-zinc-400">{title}:</span>
      {words.map(({ word, from }) => {
        const present = inPrompt(word, prompt);
        return (
          <button
            key={word}
            type="button"
            className={chipClass}
            disabled={present}
            title={present ? `In the prompt (from ${from})` : `Add to the prompt (from ${from})`}
            aria-label={present ? `${word}, in the prompt` : `Add ${word} to the prompt`}
            onClick={() => onInsert(word)}
          >
            {present ? "✓" : "+"} {word}
          </button>
        );
      })}
    </div>
  );
}

const quoted = (words: TriggerWord[]) => words.map(({ word }) => `“${word}”`).join(", ");

/**
 * The words a LoRA answers to, each a button that adds it to the prompt, and which of them the
 * prompt lacks. Words its host or trainer declared come first; frequent training tags are candidates.
 */
export function TriggerWords({ words, prompt, onInsert }: WordsProps) {
  if (words.length === 0) return null;
  const declared = words.filter(({ from }) => from !== "training tags");
  const tags = words.filter(({ from }) => from === "training tags");
  const missing = missingTriggers(words, prompt);
  return (
    <div className="flex flex-col gap-1">
      <WordButtons title="Trigger words" words={declared} prompt={prompt} onInsert={onInsert} />
      <WordButtons title="Frequent training tags" words={tags} prompt={prompt} onInsert={onInsert} />
      {missing.length > 0 && (
        <p className={noteClass}>
          {missing.length === 1 ? `${quoted(missing)} is not in the prompt.` : `Not in the prompt: ${quoted(missing)}.`}
        </p>
      )}
    </div>
  );
}
