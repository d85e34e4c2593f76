import { toDecimalString } from "./money";

/** How many billing units fal charged for a run: a header of its result answer (docs/fal.md#pricing). */
export const BILLABLE_UNITS_HEADER = "x-fal-billable-units";

/** The billable units an answer carries, as a plain decimal; undefined when it names none that can be read. */
export function readBillableUnits(headers: Headers): string | undefined {
  const value = headers.get(BILLABLE_UNITS_HEADER);
  return value === null ? undefined : toDecimalString(value);
}
