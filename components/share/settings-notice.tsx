import { Button } from "@/components/ui/button";
import type { SettingsReading } from "@/lib/share/settings-reader";

/** How a reading turned out, for the notice: what could not be read, and whether anything could. */
export type RestoreOutcome = Pick<SettingsReading, "problems" | "unreadable">;

type SettingsNoticeProps = {
  /** Where the settings came from, as in "the link" or "the image". */
  source: string;
  outcome: RestoreOutcome;
  onDismiss: () => void;
};

/** Says whether settings were restored and names, field by field, what could not be read. */
export function SettingsNotice({ source, outcome: { problems, unreadable }, onDismiss }: SettingsNoticeProps) {
  const clean = problems.length === 0;
  return (
    <div
      role={clean ? "status" : "alert"}
      aria-label="Restored settings"
      className={`flex items-start justify-between gap-3 rounded-lg border p-3 text-sm ${
        clean
          ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40"
          : "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40"
      }`}
    >
      <div className="flex flex-col gap-1">
        <p className="font-medium">
          {clean
            ? `Settings restored from the ${source}.`
            : unreadable
              ? `The settings in the ${source} could not be read; the form was left as it was.`
              : `Some settings in the ${source} could not be read; those were left at their defaults and everything else was restored.`}
        </p>
        {!clean && (
          <ul className="list-disc pl-5">
            {problems.map((problem, index) => (
              <li key={`${problem.field}-${index}`}>
                <strong>{problem.field}</strong>: {problem.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <Button onClick={onDismiss}>Dismiss</Button>
    </div>
  );
}
