"use client";

import { type KeyboardEvent, useEffect, useState } from "react";
import { uploadFile } from "@/lib/fal/upload";
import { controlNetSize, formatSize, type ImageSize, sameSize } from "@/lib/image-tools/image-size";
import {
  emptyHistory,
  type MaskHistory,
  maskFromRgba,
  maskToRgba,
  record,
  redo,
  replay,
  undo,
} from "@/lib/image-tools/mask";
import { messageOf } from "@/lib/errors/message-of";
import { loadImage, naturalSize, pngFile, readPixels, resizedPng } from "./image-pixels";
import { MaskCanvas } from "./mask-canvas";
import { MaskControls } from "./mask-controls";
import { ToolDialog, ToolFooter } from "./tool-dialog";

export type MaskTarget = {
  /** "ControlNet 1", "IP adapter 2". */
  slotName: string;
  kind: "controlnet" | "ip-adapter";
  /** The image painted over: the slot's own, or the init image when the slot has none yet. */
  image: { url: string; from: "slot" | "init" } | undefined;
  existingMaskUrl: string | undefined;
};

export type MaskResult = { maskUrl: string; controlImageUrl?: string };

type Ready = { natural: ImageSize; size: ImageSize; start: Uint8Array | undefined; note: string };
type Loading = { state: "loading" } | { state: "failed"; message: string } | ({ state: "ready" } & Ready);

async function prepare(target: MaskTarget, url: string): Promise<Ready> {
  const natural = naturalSize(await loadImage(url, { readable: false }));
  const size = target.kind === "controlnet" ? controlNetSize(natural) : natural;
  if (!target.existingMaskUrl) return { natural, size, start: undefined, note: "" };
  try {
    const existing = await loadImage(target.existingMaskUrl, { readable: true });
    return {
      natural,
      size,
      start: maskFromRgba(readPixels(existing, size), size).data,
      note: "Starting from the slot's current mask.",
    };
  } catch (error) {
    return {
      natural,
      size,
      start: undefined,
      note: `The current mask could not be read (${messageOf(error)}), so this starts empty.`,
    };
  }
}

function imageName(target: MaskTarget): string {
  if (target.image?.from === "init") return "the init image";
  return target.kind === "controlnet" ? `${target.slotName}'s control image` : `${target.slotName}'s first image`;
}

/** What the mask is painted over and the size it is exported at, in words. */
function SizeNote({ target, ready }: { target: MaskTarget; ready: Ready }) {
  const { natural, size } = ready;
  const over =
    target.image?.from === "init" ? `${target.slotName} has no image yet, so you paint over the init image. ` : "";
  if (target.kind === "ip-adapter") {
    return (
      <p>
        {over}The mask is made at {formatSize(size)}, the size of {imageName(target)}: fal needs the IP adapter&apos;s
        image and its mask to be the same size.
      </p>
    );
  }
  const rule = "fal needs the control image and the mask to be the same size, both sides divisible by 32";
  if (sameSize(natural, size))
    return (
      <p>
        {over}The mask is made at {formatSize(size)}, the size of {imageName(target)} ({rule}).
      </p>
    );
  return (
    <p>
      {over}
      {rule[0]?.toUpperCase()}
      {rule.slice(1)}: {imageName(target)} is {formatSize(natural)}, so the mask is made at {formatSize(size)} (resized,
      not padded).
    </p>
  );
}

/** Paints a ControlNet or IP-adapter mask over the slot's image and uploads it as a PNG. */
export function MaskPainterDialog({
  target,
  onDone,
  onClose,
}: {
  target: MaskTarget;
  onDone: (result: MaskResult) => void;
  onClose: () => void;
}) {
  const [loading, setLoading] = useState<Loading>({ state: "loading" });
  const [history, setHistory] = useState<MaskHistory>(emptyHistory);
  const [brushSize, setBrushSize] = useState(0);
  const [erase, setErase] = useState(false);
  const [maskOnly, setMaskOnly] = useState(false);
  const [painted, setPainted] = useState(0);
  const [resizeControlImage, setResizeControlImage] = useState(true);
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const imageUrl = target.image?.url;

  useEffect(() => {
    if (!imageUrl) return;
    let current = true;
    prepare(target, imageUrl).then(
      (ready) => {
        if (!current) return;
        setLoading({ state: "ready", ...ready });
        setBrushSize(Math.max(2, Math.round(Math.max(ready.size.width, ready.size.height) / 16)));
      },
      (cause: unknown) =>
        current &&
        setLoading({ state: "failed", message: `${messageOf(cause)} The mask is painted over it, so it is needed.` }),
    );
    return () => {
      current = false;
    };
  }, [target, imageUrl]);

  const ready = loading.state === "ready" ? loading : undefined;
  const maxBrush = ready ? Math.max(8, Math.round(Math.max(ready.size.width, ready.size.height) / 4)) : 8;
  const offersResize = Boolean(
    ready && target.kind === "controlnet" && target.image?.from === "slot" && !sameSize(ready.natural, ready.size),
  );

  async function apply() {
    if (!ready || !imageUrl) return;
    setError(undefined);
    try {
      let controlImageUrl: string | undefined;
      if (offersResize && resizeControlImage) {
        const file = await resizedPng(await loadImage(imageUrl, { readable: true }), ready.size, "control-image.png");
        setProgress(0);
        controlImageUrl = await uploadFile(file, setProgress);
      }
      const mask = replay(ready.size, history.done, ready.start);
      setProgress(0);
      const maskUrl = await uploadFile(await pngFile(maskToRgba(mask), ready.size, "mask.png"), setProgress);
      onDone({ maskUrl, controlImageUrl });
    } catch (cause) {
      setError(`The mask was not saved: ${messageOf(cause)}`);
    } finally {
      setProgress(undefined);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    const command = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (command && key === "z") setHistory(event.shiftKey ? redo : undo);
    else if (command && key === "y") setHistory(redo);
    else if (command || event.altKey) return;
    else if (event.key === "[") setBrushSize((size) => Math.max(1, Math.round(size / 1.25)));
    else if (event.key === "]") setBrushSize((size) => Math.min(maxBrush, Math.round(size * 1.25) + 1));
    else if (key === "e") setErase(true);
    else if (key === "b") setErase(false);
    else return;
    event.preventDefault();
  }

  const meaning =
    target.kind === "controlnet"
      ? `White (painted) is where ${target.slotName} applies; black is left alone.`
      : `White (painted) is where ${target.slotName}'s image applies; black is left alone.`;

  return (
    <ToolDialog
      title={`Paint mask: ${target.slotName}`}
      onClose={onClose}
      onKeyDown={onKeyDown}
      footer={
        <ToolFooter
          progress={progress}
          error={error}
          onCancel={onClose}
          applyLabel="Use this mask"
          canApply={Boolean(ready)}
          onApply={() => void apply()}
        />
      }
    >
      <div className="flex flex-col gap-1 text-sm text-zinc-600 dark:text-zinc-400">
        {!imageUrl && (
          <p role="alert">Add an image to {target.slotName} or an init image first: the mask is painted over it.</p>
        )}
        {loading.state === "loading" && imageUrl && <p role="status">Loading the image…</p>}
        {loading.state === "failed" && <p role="alert">{loading.message}</p>}
        {ready && <SizeNote target={target} ready={ready} />}
        {ready && <p>{meaning}</p>}
        {ready?.note && <p>{ready.note}</p>}
      </div>
      {ready && imageUrl && (
        <>
          <MaskCanvas
            size={ready.size}
            imageUrl={imageUrl}
            imageAlt={`${imageName(target)} under the mask`}
            start={ready.start}
            history={history}
            onStroke={(op) => setHistory((previous) => record(previous, op))}
            brushRadius={brushSize / 2}
            erase={erase}
            maskOnly={maskOnly}
            onPainted={setPainted}
          />
          <MaskControls
            brushSize={brushSize}
            maxBrush={maxBrush}
            onBrushSize={setBrushSize}
            erase={erase}
            onErase={setErase}
            maskOnly={maskOnly}
            onMaskOnly={setMaskOnly}
            history={history}
            onHistory={setHistory}
            paintedPercent={Math.round(painted * 100)}
          />
          {offersResize && (
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-1"
                checked={resizeControlImage}
                onChange={(event) => setResizeControlImage(event.target.checked)}
              />
              <span>
                Also replace {imageName(target)} with a copy resized to {formatSize(ready.size)}, so the two match.
              </span>
            </label>
          )}
        </>
      )}
    </ToolDialog>
  );
}
