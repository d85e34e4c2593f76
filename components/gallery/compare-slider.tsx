"use client";

import { useId, useState } from "react";

/** As large as fits 100% of the width and 60% of the viewport's height, at the image's own ratio. */
export function fittedBox(width: number, height: number) {
  return { aspectRatio: `${width} / ${height}`, width: `min(100%, calc(60vh * ${width / height}))` };
}

type CompareSliderProps = { before: string; after: string; alt: string; width: number; height: number };

/** The init image over the result, revealed up to the slider's position (before on the left). */
export function CompareSlider({ before, after, alt, width, height }: CompareSliderProps) {
  const [position, setPosition] = useState(50);
  const id = useId();
  return (
    <div className="flex flex-col items-center gap-2">
      <div className="relative overflow-hidden rounded" style={fittedBox(width, height)}>
        {/* eslint-disable-next-line @next/next/no-img-element -- result URLs come from fal's CDN or the simulator */}
        <img src={after} alt={alt} width={width} height={height} className="absolute inset-0 h-full w-full" />
        {/* eslint-disable-next-line @next/next/no-img-element -- the init image may be any URL or a data URI */}
        <img
          src={before}
          alt="Init image (before)"
          className="absolute inset-0 h-full w-full"
          style={{ clipPath: `inset(0 ${100 - position}% 0 0)` }}
        />
        <div aria-hidden className="absolute inset-y-0 w-0.5 bg-white shadow" style={{ left: `${position}%` }} />
      </div>
      <label htmlFor={id} className="flex w-full max-w-sm items-center gap-2 text-sm">
        <span className="shrink-0">Before / after</span>
        <input
          id={id}
          type="range"
          min={0}
          max={100}
          value={position}
          onChange={(event) => setPosition(Number(event.target.value))}
          className="w-full"
        />
      </label>
    </div>
  );
}
