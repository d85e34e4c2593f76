"use client";

import { type SettingDifference, UNSET } from "@/lib/compare/settings-diff";

function Value({ difference, side }: { difference: SettingDifference; side: "A" | "B" }) {
  const value = side === "A" ? difference.a : difference.b;
  if (difference.kind === "image" && value !== UNSET) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- an input image: any URL, or a data URI
      <img
        src={value}
        alt={`${difference.label} of ${side}`}
        title={value.startsWith("data:") ? undefined : value}
        className="size-16 rounded bg-zinc-200 object-cover dark:bg-zinc-800"
      />
    );
  }
  return <span className="break-words whitespace-pre-wrap [overflow-wrap:anywhere]">{value}</span>;
}

/** The settings that differ between A and B, in the form's order and words; images as thumbnails. */
export function SettingDifferences({ differences }: { differences: readonly SettingDifference[] }) {
  if (differences.length === 0) {
    return (
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Same settings: A and B were made with identical settings, seed included.
      </p>
    );
  }
  return (
    <table className="w-full table-fixed border-collapse text-sm">
      <caption className="sr-only">Settings that differ between A and B</caption>
      <thead>
        <tr className="border-b border-zinc-200 text-left dark:border-zinc-700">
          <th scope="col" className="w-[34%] py-1 pr-2 font-semibold">
            Setting
          </th>
          <th scope="col" className="py-1 pr-2 font-semibold">
            A
          </th>
          <th scope="col" className="py-1 font-semibold">
            B
          </th>
        </tr>
      </thead>
      <tbody>
        {differences.map((difference) => (
          <tr key={difference.path} className="border-b border-zinc-100 align-top last:border-b-0 dark:border-zinc-800">
            <th scope="row" className="py-1.5 pr-2 text-left font-medium break-words">
              {difference.label}
            </th>
            <td className="py-1.5 pr-2">
              <Value difference={difference} side="A" />
            </td>
            <td className="py-1.5">
              <Value difference={difference} side="B" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
