import type { ImageSize } from "@/lib/image-tools/image-size";

/** An image whose pixels the page may not read: another host that does not allow it (CORS). */
export class UnreadableImageError extends Error {}

/**
 * Loads an image. `readable` asks its host for CORS, which reading its pixels needs; a host
 * that refuses fails the load, so only ask when the pixels are needed.
 */
export function loadImage(url: string, { readable }: { readable: boolean }): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    if (readable && !url.startsWith("data:") && !url.startsWith("blob:")) image.crossOrigin = "anonymous";
    image.decoding = "async";
    image.onload = () => resolve(image);
    image.onerror = () =>
      reject(
        readable
          ? new UnreadableImageError(
              "The image could not be read here: its server does not allow it, or it is not an image.",
            )
          : new Error("The image could not be loaded."),
      );
    image.src = url;
  });
}

export function naturalSize(image: HTMLImageElement): ImageSize {
  return { width: image.naturalWidth, height: image.naturalHeight };
}

function canvasOf({ width, height }: ImageSize): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("This browser cannot draw images (no 2D canvas).");
  return context;
}

/** The image's RGBA pixels, scaled (smoothly) to `size`. */
export function readPixels(image: CanvasImageSource, size: ImageSize): Uint8ClampedArray {
  const context = context2d(canvasOf(size));
  context.imageSmoothingQuality = "high";
  context.drawImage(image, 0, 0, size.width, size.height);
  try {
    return context.getImageData(0, 0, size.width, size.height).data;
  } catch {
    throw new UnreadableImageError("The image could not be read here: its server does not allow it.");
  }
}

/** RGBA pixels as a PNG file. */
export function pngFile(rgba: Uint8ClampedArray<ArrayBuffer>, size: ImageSize, name: string): Promise<File> {
  const canvas = canvasOf(size);
  context2d(canvas).putImageData(new ImageData(rgba, size.width, size.height), 0, 0);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(new File([blob], name, { type: "image/png" }));
      else reject(new Error("The PNG could not be made (the image may be too large for this browser)."));
    }, "image/png");
  });
}

/** A resized copy of an image as a PNG file. */
export function resizedPng(image: CanvasImageSource, size: ImageSize, name: string): Promise<File> {
  return pngFile(new Uint8ClampedArray(readPixels(image, size)), size, name);
}
