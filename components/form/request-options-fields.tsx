"use client";

import { useContext, useState, useSyncExternalStore } from "react";
import { describedBy, FieldMessages, inputClass } from "@/components/ui/field";
import {
  defaultRequestOptions,
  FILE_LIFETIME_CHOICES,
  type FileLifetime,
  fileLifetimeLabels,
  QUEUE_PRIORITIES,
  type QueuePriority,
  type RequestOptions,
  requestOptionLabels,
  START_TIMEOUT_LIMITS,
} from "@/lib/fal/request-options";
import { requestOptionsStore } from "@/lib/request-options/stored-options";
import { FixedRequestOptionsContext } from "./fixed-request-options";

const FIXED = "Fixed by this server for every visitor.";

function useRequestOptions(): RequestOptions {
  return useSyncExternalStore(requestOptionsStore.subscribe, requestOptionsStore.chosen, () => defaultRequestOptions);
}

function startTimeoutProblem(text: string): string | undefined {
  if (text.trim() === "") return undefined;
  const seconds = Number(text);
  return Number.isFinite(seconds) && seconds > START_TIMEOUT_LIMITS.above && seconds <= START_TIMEOUT_LIMITS.max
    ? undefined
    : `${requestOptionLabels.startTimeoutSeconds} must be more than ${START_TIMEOUT_LIMITS.above} second and at most ${START_TIMEOUT_LIMITS.max} seconds, or blank for none.`;
}

/** Seconds to wait for a runner; what was typed stays while it cannot be used, with why. */
function StartTimeoutField({ chosen, fixed }: { chosen?: number; fixed?: number }) {
  const [typed, setTyped] = useState<string>();
  const shown = fixed !== undefined ? String(fixed) : (typed ?? (chosen === undefined ? "" : String(chosen)));
  const error = fixed === undefined && typed !== undefined ? startTimeoutProblem(typed) : undefined;
  const id = "request-start-timeout";
  const hint =
    fixed !== undefined
      ? FIXED
      : "Seconds fal waits for a runner to start before it gives up on the run (a 504, not billed). Blank: no limit.";
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {requestOptionLabels.startTimeoutSeconds}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder="none"
        disabled={fixed !== undefined}
        value={shown}
        onChange={(event) => {
          const text = event.target.value;
          setTyped(text);
          if (startTimeoutProblem(text)) return;
          requestOptionsStore.update({ startTimeoutSeconds: text.trim() === "" ? undefined : Number(text) });
        }}
        className={`${inputClass} disabled:opacity-60`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, hint: true })}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

function SelectOption<T extends string>({
  id,
  label,
  value,
  choices,
  labels,
  fixed,
  hint,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  choices: readonly T[];
  labels: Record<T, string>;
  fixed: boolean;
  hint: string;
  onChange: (value: T) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        className={`${inputClass} disabled:opacity-60`}
        disabled={fixed}
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
        aria-describedby={`${id}-hint`}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labels[choice]}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={fixed ? FIXED : hint} />
    </div>
  );
}

const priorityLabels: Record<QueuePriority, string> = { normal: "Normal", low: "Low: behind every normal request" };

/** The Request group's fields: loaded when the group is first opened, or at the visitor's first touch. */
export function RequestOptionsFields() {
  const chosen = useRequestOptions();
  const fixed = useContext(FixedRequestOptionsContext);
  const options = { ...chosen, ...fixed };
  return (
    <>
      <p className="text-xs text-zinc-500">
        How fal handles this browser&apos;s runs and uploads. Kept in this browser; links and presets do not carry them.
      </p>
      <StartTimeoutField chosen={chosen.startTimeoutSeconds} fixed={fixed.startTimeoutSeconds} />
      <SelectOption
        id="request-priority"
        label={requestOptionLabels.priority}
        value={options.priority}
        choices={QUEUE_PRIORITIES}
        labels={priorityLabels}
        fixed={fixed.priority !== undefined}
        hint="Low waits in fal's queue for this model behind every normal request, whoever sent it."
        onChange={(priority) => requestOptionsStore.update({ priority })}
      />
      <div className="flex flex-col gap-1">
        <div className="flex items-center gap-2">
          <input
            id="request-store-io"
            type="checkbox"
            disabled={fixed.storeIo !== undefined}
            checked={!options.storeIo}
            onChange={(event) => requestOptionsStore.update({ storeIo: !event.target.checked })}
            aria-describedby="request-store-io-hint"
          />
          <label htmlFor="request-store-io" className="text-sm font-medium">
            {requestOptionLabels.storeIo}
          </label>
        </div>
        <FieldMessages
          id="request-store-io"
          hint={
            fixed.storeIo !== undefined
              ? FIXED
              : "fal then keeps no copy of the run's input and output in your request history (the images stay on its CDN)."
          }
        />
      </div>
      <SelectOption<FileLifetime>
        id="request-file-lifetime"
        label={requestOptionLabels.fileLifetime}
        value={options.fileLifetime}
        choices={FILE_LIFETIME_CHOICES}
        labels={fileLifetimeLabels}
        fixed={fixed.fileLifetime !== undefined}
        hint="How long fal keeps the images you upload and the results; then they are deleted for good."
        onChange={(fileLifetime) => requestOptionsStore.update({ fileLifetime })}
      />
    </>
  );
}
