"use client";

import type { ReactNode } from "react";
import { type FieldPath, useController } from "react-hook-form";
import type { NumberLimit } from "@/lib/fal/limits";
import type { FormValues } from "@/lib/form/form-values";
import { describedBy, Field, FieldMessages, inputClass } from "@/components/ui/field";
import { fieldId, useFieldError } from "./use-field-error";
import { useRegisteredField } from "./use-registered-field";

type Name = FieldPath<FormValues>;
type BaseProps = { name: Name; label: string; hint?: ReactNode };

function useFieldProps(name: Name, hint: ReactNode | undefined) {
  const id = fieldId(name);
  const error = useFieldError(name);
  const aria = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, { error, hint: Boolean(hint) }),
  };
  return { id, error, aria };
}

export function TextField({
  name,
  label,
  hint,
  placeholder,
  list,
}: BaseProps & { placeholder?: string; list?: string }) {
  const registered = useRegisteredField(name);
  const { id, error, aria } = useFieldProps(name, hint);
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        className={inputClass}
        placeholder={placeholder}
        list={list}
        autoComplete="off"
        {...aria}
        {...registered}
      />
    </Field>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  placeholder,
  rows = 3,
}: BaseProps & { placeholder?: string; rows?: number }) {
  const registered = useRegisteredField(name);
  const { id, error, aria } = useFieldProps(name, hint);
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <textarea className={`${inputClass} font-mono`} rows={rows} placeholder={placeholder} {...aria} {...registered} />
    </Field>
  );
}

/** Empty text becomes undefined for optional numbers and NaN for required ones, which the schema names. */
const toNumber = (optional: boolean) => (value: unknown) => {
  if (value === "" || value === null || value === undefined) return optional ? undefined : Number.NaN;
  return typeof value === "number" ? value : Number(value);
};

export function NumberField({
  name,
  label,
  hint,
  limit,
  optional = false,
}: BaseProps & { limit?: Partial<NumberLimit>; optional?: boolean }) {
  const registered = useRegisteredField(name, { setValueAs: toNumber(optional) });
  const { id, error, aria } = useFieldProps(name, hint);
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        type="number"
        inputMode="decimal"
        min={limit?.min}
        max={limit?.max}
        step={limit?.step ?? "any"}
        className={inputClass}
        {...aria}
        {...registered}
      />
    </Field>
  );
}

/** A slider and a number box on one value; the slider covers the usual range, the box takes any. */
export function SliderNumberField({ name, label, hint, limit }: BaseProps & { limit: NumberLimit }) {
  const {
    field: { ref, value: fieldValue, onChange, onBlur },
  } = useController<FormValues>({ name });
  const { id, error, aria } = useFieldProps(name, hint);
  const value = typeof fieldValue === "number" && Number.isFinite(fieldValue) ? fieldValue : "";
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <div className="flex items-center gap-3">
        <input
          type="range"
          id={`${id}-slider`}
          aria-label={`${label} slider`}
          min={limit.min}
          max={limit.max}
          step={limit.step}
          value={value === "" ? limit.default : value}
          onChange={(event) => onChange(Number(event.target.value))}
          onBlur={onBlur}
          className="min-w-0 flex-1"
        />
        <input
          type="number"
          inputMode="decimal"
          min={limit.min}
          max={limit.max}
          step={limit.step}
          className={`${inputClass.replace("w-full ", "")} w-24 shrink-0`}
          ref={ref}
          name={name}
          value={value}
          onChange={(event) => onChange(event.target.value === "" ? Number.NaN : Number(event.target.value))}
          onBlur={onBlur}
          {...aria}
        />
      </div>
    </Field>
  );
}

export function CheckboxField({ name, label, hint }: BaseProps) {
  const registered = useRegisteredField(name);
  const { id, error, aria } = useFieldProps(name, hint);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <input type="checkbox" {...aria} {...registered} />
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  options,
}: BaseProps & { options: readonly { value: string; label: string }[] }) {
  const registered = useRegisteredField(name);
  const { id, error, aria } = useFieldProps(name, hint);
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <select className={inputClass} {...aria} {...registered}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
