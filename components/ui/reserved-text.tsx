import type { ReactNode } from "react";

type ReservedTextProps = { children?: ReactNode; widths: readonly string[] };

/**
 * One line as wide as the widest of `widths`, whatever shows in it (or nothing yet), so a label
 * filled in after load moves nothing: the box keeps its place and size, and its text is centred in
 * it. The reserved texts are CSS generated content stacked in one grid cell, in the element's own
 * font: neither read out nor part of its text.
 */
export function ReservedText({ children, widths }: ReservedTextProps) {
  return (
    <ReservedCell widths={widths} outer>
      {children}
    </ReservedCell>
  );
}

/** Two widths per cell (its ::before and ::after); an inner cell fills its outer one, whatever it holds. */
function ReservedCell({ children, widths, outer = false }: ReservedTextProps & { outer?: boolean }) {
  const [first, second, ...rest] = widths;
  return (
    <span
      data-first={first}
      data-second={second}
      className={`${outer ? "inline-grid" : "grid"} whitespace-nowrap before:invisible before:[grid-area:1/1] before:content-[attr(data-first)] after:invisible after:[grid-area:1/1] after:content-[attr(data-second)]`}
    >
      <span className="text-center [grid-area:1/1]">
        {rest.length > 0 ? <ReservedCell widths={rest}>{children}</ReservedCell> : children}
      </span>
    </span>
  );
}
