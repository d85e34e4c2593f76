"use client";

import { useEffect, useRef, useState } from "react";
import { uploadFile } from "@/lib/fal/upload";
import { defaultEdgeMapSettings, edgeMapRgba, type EdgeMapSettings } from "@/lib/image-tools/edge-map";
import { controlNetSize, fitWithin, formatSize, type ImageSize } from "@/lib/image-tools/image-size";
import { messageOf } from "@/lib/errors/message-of";
import { EdgeMapControls } from "./edge-map-controls";
import { loadImage, naturalSize, pngFile, readPixels } from "./image-pixels";
import { ToolDialog, ToolFooter } from "./tool-dialog";

export type EdgeMapTarget = {
  /** "ControlNet 1". */
  slotName: string;
  initImage: string | undefined;
  slotImage: string | undefined;
  hasMask: boolean;
};

export type EdgeSource = "init" | "slot" | "file";

/** The live preview is computed on at most this many pixels a side; the result at full size. */
const PREVIEW_SIDE = 512;
/** Larger sources are scaled down first: fal resizes control images to the output anyway. */
const MAX_SIDE = 4096;

type Source = {
  image: HTMLImageElement;
  natural: ImageSize;
  output: ImageSize;
  previewSize: ImageSize;
  preview: Uint8ClampedArray;
};
type Loaded = { url: string } & ({ state: "failed"; message: string } | ({ state: "ready" } & Source));
type Loading = { state: "idle" | "loading" } | Loaded;

async function loadSource(url: string): Promise<Source> {
  const image = await loadImage(url, { readable: true });
  const natural = naturalSize(image);
  const previewSize = fitWithin(natural, PREVIEW_SIDE);
  return {
    image,
    natural,
    output: controlNetSize(fitWithin(natural, MAX_SIDE)),
    previewSize,
    preview: readPixels(image, previewSize),
  };
}

function firstSource(target: EdgeMapTarget): EdgeSource {
  return target.initImage ? "init" : target.slotImage ? "slot" : "file";
}

/** Makes a Canny edge map (or a grayscale copy) of any image and uploads it as the ControlNet's image. */
export function EdgeMapDialog({
  target,
  onDone,
  onClose,
}: {
  target: EdgeMapTarget;
  onDone: (url: string) => void;
  onClose: () => void;
}) {
  const [source, setSource] = useState<EdgeSource>(() => firstSource(target));
  const [fileUrl, setFileUrl] = useState<string>();
  const [loaded, setLoaded] = useState<Loaded>();
  const [settings, setSettings] = useState<EdgeMapSettings>(defaultEdgeMapSettings);
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const url = source === "init" ? target.initImage : source === "slot" ? target.slotImage : fileUrl;

  useEffect(
    () => () => {
      if (fileUrl) URL.revokeObjectURL(fileUrl);
    },
    [fileUrl],
  );

  useEffect(() => {
    if (!url) return;
    let current = true;
    loadSource(url).then(
      (source) => current && setLoaded({ url, state: "ready", ...source }),
      (cause: unknown) =>
        current && setLoaded({ url, state: "failed", message: `${messageOf(cause)} Choose a file instead.` }),
    );
    return () => {
      current = false;
    };
  }, [url]);
  const loading: Loading = !url ? { state: "idle" } : loaded?.url === url ? loaded : { state: "loading" };

  const ready = loading.state === "ready" ? loading : undefined;

  // Slider drags come faster than frames: only the latest settings are drawn, once per frame.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!ready || !canvas) return;
    const frame = requestAnimationFrame(() => {
      const pixels = edgeMapRgba(ready.preview, ready.previewSize, settings);
      canvas
        .getContext("2d")
        ?.putImageData(new ImageData(pixels, ready.previewSize.width, ready.previewSize.height), 0, 0);
    });
    return () => cancelAnimationFrame(frame);
  }, [ready, settings]);

  function takeFile(file: File | undefined) {
    if (!file) return;
    if (!file.type.startsWith("image/")) return setError(`"${file.name}" is not an image.`);
    setError(undefined);
    setFileUrl(URL.createObjectURL(file));
    setSource("file");
  }

  async function apply() {
    if (!ready) return;
    setError(undefined);
    try {
      const pixels = edgeMapRgba(readPixels(ready.image, ready.output), ready.output, settings);
      const file = await pngFile(pixels, ready.output, settings.output === "edges" ? "edge-map.png" : "grayscale.png");
      setProgress(0);
      onDone(await uploadFile(file, setProgress));
    } catch (cause) {
      setError(`The control image was not saved: ${messageOf(cause)}`);
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <ToolDialog
      title={`Edge map: ${target.slotName}`}
      onClose={onClose}
      footer={
        <ToolFooter
          progress={progress}
          error={error}
          onCancel={onClose}
          applyLabel="Use as control image"
          canApply={Boolean(ready)}
          onApply={() => void apply()}
        />
      }
    >
      <div
        onPaste={(event) => {
          const item = Array.from(event.clipboardData.items).find(
            (entry) => entry.kind === "file" && entry.type.startsWith("image/"),
          );
          if (!item) return;
          event.preventDefault();
          takeFile(item.getAsFile() ?? undefined);
        }}
        className="flex flex-col gap-3"
      >
        <EdgeMapControls
          target={target}
          source={source}
          onSource={setSource}
          hasFile={Boolean(fileUrl)}
          onFile={takeFile}
          settings={settings}
          onSettings={setSettings}
        />
        <div className="flex flex-col gap-1 text-sm text-zinc-600 dark:text-zinc-400">
          {loading.state === "idle" && <p>Choose a file (or paste an image) to make the edge map from.</p>}
          {loading.state === "loading" && <p role="status">Loading the image…</p>}
          {loading.state === "failed" && <p role="alert">{loading.message}</p>}
          {ready && (
            <p>
              Preview at {formatSize(ready.previewSize)}. The control image is made at {formatSize(ready.output)}: the
              source&apos;s {formatSize(ready.natural)} resized (not padded) so both sides are divisible by 32, as
              ControlNet masks need.
            </p>
          )}
          {ready && target.hasMask && (
            <p>{target.slotName} has a mask: it must be the same size, so paint it again if it is not.</p>
          )}
        </div>
        {ready && (
          <canvas
            ref={canvasRef}
            width={ready.previewSize.width}
            height={ready.previewSize.height}
            role="img"
            aria-label={`Edge map preview, ${settings.output === "edges" ? "Canny edges" : "grayscale"}${settings.invert ? ", inverted" : ""}`}
            className="mx-auto h-auto max-h-[50dvh] w-auto max-w-full rounded border border-zinc-200 object-contain dark:border-zinc-800"
          />
        )}
      </div>
    </ToolDialog>
  );
}
