/**
 * One line of text as wide as the widest of `widths`, whichever of them shows (or none yet), so a
 * label filled in after load moves nothing. The reserved texts are CSS generated content stacked in
 * one grid cell: neither read out nor part of the element's text.
 */
export function ReservedText({ text, widths }: { text: string | undefined; widths: readonly string[] }) {
  const [first, second, ...rest] = widths;
  return (
    <span
      data-first={first}
      data-second={second}
      className="inline-grid whitespace-nowrap before:invisible before:[grid-area:1/1] before:content-[attr(data-first)] after:invisible after:[grid-area:1/1] after:content-[attr(data-second)]"
    >
      <span className="[grid-area:1/1]">{rest.length > 0 ? <ReservedText text={text} widths={rest} /> : text}</span>
    </span>
  );
}
