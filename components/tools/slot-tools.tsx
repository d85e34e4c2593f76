"use client";

import { lazyComponent } from "@/components/ui/lazy-component";
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { FormValues } from "@/lib/form/form-values";
import type { EdgeMapTarget } from "./edge-map-dialog";
import type { MaskResult, MaskTarget } from "./mask-painter-dialog";

// The tools load when first opened (or hovered), never with the page.
const loadMaskPainter = () => import("./mask-painter-dialog");
const loadEdgeMap = () => import("./edge-map-dialog");
const opening = (
  <span role="status" className="text-xs text-zinc-500">
    Opening…
  </span>
);
const MaskPainterDialog = lazyComponent(() => loadMaskPainter().then((module) => module.MaskPainterDialog), {
  loading: opening,
});
const EdgeMapDialog = lazyComponent(() => loadEdgeMap().then((module) => module.EdgeMapDialog), {
  loading: opening,
});

const set = { shouldDirty: true, shouldTouch: true, shouldValidate: true } as const;
const present = (url: string | undefined) => (url?.trim() ? url.trim() : undefined);

type MaskSlot = { kind: "controlnet" | "ip-adapter"; index: number };

function maskTarget(values: FormValues, { kind, index }: MaskSlot): MaskTarget {
  const init = present(values.image_url);
  const own =
    kind === "controlnet"
      ? present(values.controlnets[index]?.image_url)
      : present(values.ip_adapter[index]?.ip_adapter_image_url[0]);
  const image = own ? { url: own, from: "slot" as const } : init ? { url: init, from: "init" as const } : undefined;
  const existingMaskUrl = present(
    kind === "controlnet" ? values.controlnets[index]?.mask_url : values.ip_adapter[index]?.ip_adapter_mask_url,
  );
  return {
    kind,
    slotName: kind === "controlnet" ? `ControlNet ${index + 1}` : `IP adapter ${index + 1}`,
    image,
    existingMaskUrl,
  };
}

/** "Paint mask" on a ControlNet or IP adapter: paints over the slot's image and sets its mask. */
export function PaintMaskButton(slot: MaskSlot) {
  const { getValues, setValue } = useFormContext<FormValues>();
  const [target, setTarget] = useState<MaskTarget>();
  const { kind, index } = slot;

  function done({ maskUrl, controlImageUrl }: MaskResult) {
    if (kind === "controlnet") {
      if (controlImageUrl) setValue(`controlnets.${index}.image_url`, controlImageUrl, set);
      setValue(`controlnets.${index}.mask_url`, maskUrl, set);
    } else {
      setValue(`ip_adapter.${index}.ip_adapter_mask_url`, maskUrl, set);
    }
    setTarget(undefined);
  }

  return (
    <>
      <Button
        size="sm"
        className="self-start"
        aria-label={`Paint mask for ${kind === "controlnet" ? "ControlNet" : "IP adapter"} ${index + 1}`}
        onPointerEnter={() => void loadMaskPainter()}
        onFocus={() => void loadMaskPainter()}
        onClick={() => setTarget(maskTarget(getValues(), slot))}
      >
        Paint mask
      </Button>
      {target && <MaskPainterDialog target={target} onDone={done} onClose={() => setTarget(undefined)} />}
    </>
  );
}

/** "Edge map" on a ControlNet: makes its control image from the init image, its own image or a file. */
export function EdgeMapButton({ index }: { index: number }) {
  const { getValues, setValue } = useFormContext<FormValues>();
  const [target, setTarget] = useState<EdgeMapTarget>();

  function open() {
    const values = getValues();
    const slot = values.controlnets[index];
    setTarget({
      slotName: `ControlNet ${index + 1}`,
      initImage: present(values.image_url),
      slotImage: present(slot?.image_url),
      hasMask: Boolean(present(slot?.mask_url)),
    });
  }

  return (
    <>
      <Button
        size="sm"
        className="self-start"
        aria-label={`Edge map for ControlNet ${index + 1}`}
        onPointerEnter={() => void loadEdgeMap()}
        onFocus={() => void loadEdgeMap()}
        onClick={open}
      >
        Edge map
      </Button>
      {target && (
        <EdgeMapDialog
          target={target}
          onDone={(url) => {
            setValue(`controlnets.${index}.image_url`, url, set);
            setTarget(undefined);
          }}
          onClose={() => setTarget(undefined)}
        />
      )}
    </>
  );
}
