"use client";

import { useId, useState } from "react";

/** As large as fits 100% of the width and `viewportShare`% of the viewport's height, at the image's own ratio. */
export function fittedBox(width: number, height: number, viewportShare = 60) {
  return { aspectRatio: `${width} / ${height}`, width: `min(100%, calc(${viewportShare}vh * ${width / height}))` };
}

type CompareSliderProps = {
  before: string;
  after: string;
  alt: string;
  width: number;
  height: number;
  beforeAlt?: string;
  /** The slider's name. */
  label?: string;
  /** Names shown in the top corners, over the before (left) and after (right) sides. */
  corners?: readonly [string, string];
  /** The most of the viewport's height the images take, in %. */
  viewportShare?: number;
};

const cornerClass = "absolute top-2 rounded bg-black/70 px-2 py-0.5 text-xs font-semibold text-white";

/** The init image (or any "before") over the result, revealed up to the slider's position (before on the left). */
export function CompareSlider(props: CompareSliderProps) {
  const {
    before,
    after,
    alt,
    width,
    height,
    beforeAlt = "Init image (before)",
    label = "Before / after",
    corners,
    viewportShare,
  } = props;
  const [position, setPosition] = useState(50);
  const id = useId();
  return (
    <div className="flex flex-col items-center gap-2">
      <div className="relative overflow-hidden rounded" style={fittedBox(width, height, viewportShare)}>
        {/* eslint-disable-next-line @next/next/no-img-element -- result URLs come from fal's CDN or the simulator */}
        <img
          src={after}
          alt={alt}
          width={width}
          height={height}
          className="absolute inset-0 h-full w-full object-contain"
        />
        {/* eslint-disable-next-line @next/next/no-img-element -- the init image may be any URL or a data URI */}
        <img
          src={before}
          alt={beforeAlt}
          className="absolute inset-0 h-full w-full object-contain"
          style={{ clipPath: `inset(0 ${100 - position}% 0 0)` }}
        />
        <div aria-hidden className="absolute inset-y-0 w-0.5 bg-white shadow" style={{ left: `${position}%` }} />
        {corners && (
          <>
            <span aria-hidden className={`${cornerClass} left-2`}>
              {corners[0]}
            </span>
            <span aria-hidden className={`${cornerClass} right-2`}>
              {corners[1]}
            </span>
          </>
        )}
      </div>
      <label htmlFor={id} className="flex w-full max-w-sm items-center gap-2 text-sm">
        <span className="shrink-0">{label}</span>
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
