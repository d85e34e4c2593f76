/**
 * Canny edge detection on plain pixel arrays, so it runs the same in the browser and in tests:
 * Gaussian blur, Sobel gradients, non-maximum suppression, double threshold and hysteresis.
 * Thresholds are on the Sobel gradient magnitude of a 0–255 image, the scale OpenCV's and
 * A1111's Canny sliders use (defaults 100 and 200).
 */

/** One channel, 0–255 per pixel, row by row. */
export type GrayImage = { width: number; height: number; data: Float32Array };

export type CannyOptions = {
  /** Gradients at or above this are edges when they touch a strong edge. */
  low: number;
  /** Gradients at or above this are edges on their own. */
  high: number;
  /** Standard deviation of the blur before the gradients, in pixels; 0 for none. */
  sigma?: number;
};

export const DEFAULT_CANNY = { low: 100, high: 200, sigma: 1 } as const;
export const EDGE = 255;

/** Rec. 601 luma; transparent pixels are taken as white paper, as an image viewer shows them. */
export function grayscaleOf(rgba: ArrayLike<number>, width: number, height: number): GrayImage {
  const data = new Float32Array(width * height);
  for (let pixel = 0, at = 0; pixel < data.length; pixel += 1, at += 4) {
    const alpha = (rgba[at + 3] ?? 255) / 255;
    const luma = 0.299 * (rgba[at] ?? 0) + 0.587 * (rgba[at + 1] ?? 0) + 0.114 * (rgba[at + 2] ?? 0);
    data[pixel] = luma * alpha + 255 * (1 - alpha);
  }
  return { width, height, data };
}

function gaussianKernel(sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(sigma * 3));
  const kernel = new Float32Array(radius * 2 + 1);
  let sum = 0;
  for (let offset = -radius; offset <= radius; offset += 1) {
    const weight = Math.exp(-(offset * offset) / (2 * sigma * sigma));
    kernel[offset + radius] = weight;
    sum += weight;
  }
  return kernel.map((weight) => weight / sum);
}

/** Separable Gaussian blur; pixels past the border repeat the border's. */
export function gaussianBlur(image: GrayImage, sigma: number): GrayImage {
  if (sigma <= 0) return image;
  const { width, height, data } = image;
  const kernel = gaussianKernel(sigma);
  const radius = (kernel.length - 1) / 2;
  const across = new Float32Array(data.length);
  const out = new Float32Array(data.length);
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let k = -radius; k <= radius; k += 1) {
        const sx = Math.min(width - 1, Math.max(0, x + k));
        sum += (data[row + sx] ?? 0) * (kernel[k + radius] ?? 0);
      }
      across[row + x] = sum;
    }
  }
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let k = -radius; k <= radius; k += 1) {
        const sy = Math.min(height - 1, Math.max(0, y + k));
        sum += (across[sy * width + x] ?? 0) * (kernel[k + radius] ?? 0);
      }
      out[y * width + x] = sum;
    }
  }
  return { width, height, data: out };
}

/**
 * Gradient direction quantised to the neighbour pair it points between, as the (dx, dy) of one
 * of them (the other is its opposite): horizontal, diagonal, vertical, anti-diagonal.
 */
const ACROSS: readonly (readonly [number, number])[] = [
  [1, 0],
  [1, 1],
  [0, 1],
  [-1, 1],
];
const [HORIZONTAL, DIAGONAL, VERTICAL, ANTI_DIAGONAL] = [0, 1, 2, 3];

export type Gradients = { magnitude: Float32Array; direction: Uint8Array };

const TAN_22_5 = Math.SQRT2 - 1;
const TAN_67_5 = Math.SQRT2 + 1;

/** 3×3 Sobel; the border repeats, so an image's own edge is not an edge. */
export function sobel({ width, height, data }: GrayImage): Gradients {
  const magnitude = new Float32Array(data.length);
  const direction = new Uint8Array(data.length);
  const at = (x: number, y: number) =>
    data[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))] ?? 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const topLeft = at(x - 1, y - 1);
      const top = at(x, y - 1);
      const topRight = at(x + 1, y - 1);
      const left = at(x - 1, y);
      const right = at(x + 1, y);
      const bottomLeft = at(x - 1, y + 1);
      const bottom = at(x, y + 1);
      const bottomRight = at(x + 1, y + 1);
      const gx = topRight + 2 * right + bottomRight - topLeft - 2 * left - bottomLeft;
      const gy = bottomLeft + 2 * bottom + bottomRight - topLeft - 2 * top - topRight;
      const index = y * width + x;
      magnitude[index] = Math.hypot(gx, gy);
      const ax = Math.abs(gx);
      const ay = Math.abs(gy);
      direction[index] =
        ay <= ax * TAN_22_5
          ? HORIZONTAL
          : ay >= ax * TAN_67_5
            ? VERTICAL
            : gx > 0 === gy > 0
              ? DIAGONAL
              : ANTI_DIAGONAL;
    }
  }
  return { magnitude, direction };
}

/**
 * Keeps a gradient only where it peaks across the edge, thinning edges to one pixel. A tie is
 * kept on one side only (greater than one neighbour, not less than the other), as OpenCV does.
 */
export function nonMaximumSuppression(
  { magnitude, direction }: Gradients,
  width: number,
  height: number,
): Float32Array {
  const thin = new Float32Array(magnitude.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const index = y * width + x;
      const value = magnitude[index] ?? 0;
      if (value === 0) continue;
      const [dx, dy] = ACROSS[direction[index] ?? HORIZONTAL] ?? [1, 0];
      const before = x - dx >= 0 && x - dx < width && y - dy >= 0 ? (magnitude[(y - dy) * width + x - dx] ?? 0) : 0;
      const after = x + dx >= 0 && x + dx < width && y + dy < height ? (magnitude[(y + dy) * width + x + dx] ?? 0) : 0;
      if (value > before && value >= after) thin[index] = value;
    }
  }
  return thin;
}

/**
 * Double threshold and hysteresis: strong pixels are edges, and weak ones become edges when
 * they connect (8-neighbourhood) to a strong one, however long the chain.
 */
export function hysteresis(thin: Float32Array, width: number, height: number, low: number, high: number): Uint8Array {
  const edges = new Uint8Array(thin.length);
  const stack = new Int32Array(thin.length);
  let size = 0;
  for (let index = 0; index < thin.length; index += 1) {
    if ((thin[index] ?? 0) >= high && (thin[index] ?? 0) > 0) {
      edges[index] = EDGE;
      stack[size++] = index;
    }
  }
  while (size > 0) {
    const index = stack[--size] ?? 0;
    const x = index % width;
    const y = (index - x) / width;
    for (let dy = -1; dy <= 1; dy += 1) {
      const ny = y + dy;
      if (ny < 0 || ny >= height) continue;
      for (let dx = -1; dx <= 1; dx += 1) {
        const nx = x + dx;
        if (nx < 0 || nx >= width) continue;
        const neighbour = ny * width + nx;
        const value = thin[neighbour] ?? 0;
        if (edges[neighbour] === 0 && value >= low && value > 0) {
          edges[neighbour] = EDGE;
          stack[size++] = neighbour;
        }
      }
    }
  }
  return edges;
}

/** Edge pixels are 255, the rest 0. The thresholds may come in either order. */
export function cannyEdges(image: GrayImage, { low, high, sigma = DEFAULT_CANNY.sigma }: CannyOptions): Uint8Array {
  const { width, height } = image;
  const gradients = sobel(gaussianBlur(image, sigma));
  const thin = nonMaximumSuppression(gradients, width, height);
  return hysteresis(thin, width, height, Math.min(low, high), Math.max(low, high));
}
