"use client";

import { numberLimits } from "@/lib/fal/limits";
import { NumberField } from "../fields";
import { FormSection } from "../form-section";

const tiles = ["tile_width", "tile_height", "tile_stride_width", "tile_stride_height"] as const;

export function TilingSection() {
  return (
    <FormSection title="Tiling" fields={tiles} summary="for large images">
      <p className="text-xs text-zinc-500">
        Large images are denoised in tiles. The stride is how far the next tile starts from the last: a stride smaller
        than the tile makes tiles overlap, which hides seams (half the tile is a good start). Images smaller than one
        tile are not tiled.
      </p>
      <div className="grid grid-cols-2 gap-3">
        {tiles.map((name) => (
          <NumberField key={name} name={name} label={numberLimits[name].label} limit={numberLimits[name]} />
        ))}
      </div>
    </FormSection>
  );
}
