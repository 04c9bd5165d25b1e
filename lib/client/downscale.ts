import type { Dimensions, ImageType } from "./image-header";

/**
 * Keyframes bigger than the upstream needs are shrunk in the browser before upload: the longest edge
 * to about 2048 px, re-encoded, so a 12-megapixel phone photo goes up at well under 1.5 MB.
 */

export const DOWNSCALE = { maxEdge: 2048, maxBytes: 1.5 * 1024 * 1024, quality: 0.85 } as const;

export function needsDownscale(size: Dimensions, bytes: number): boolean {
  return Math.max(size.width, size.height) > DOWNSCALE.maxEdge || bytes > DOWNSCALE.maxBytes;
}

/** The largest size within `maxEdge` on the longest side with the same aspect ratio; never enlarges. */
export function fitWithin(size: Dimensions, maxEdge: number): Dimensions {
  const scale = Math.min(1, maxEdge / Math.max(size.width, size.height));
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}

export interface EncodeAttempt extends Dimensions {
  quality: number;
}

/** What to try, in order, until the result fits `maxBytes`: lower quality first, then smaller sizes. */
export function encodeAttempts(size: Dimensions): EncodeAttempt[] {
  const first = fitWithin(size, DOWNSCALE.maxEdge);
  const longest = Math.max(first.width, first.height);
  return [
    { ...first, quality: DOWNSCALE.quality },
    { ...first, quality: 0.75 },
    { ...fitWithin(size, Math.round(longest * 0.8)), quality: 0.75 },
    { ...fitWithin(size, Math.round(longest * 0.6)), quality: 0.7 },
    { ...fitWithin(size, Math.round(longest * 0.45)), quality: 0.7 },
  ];
}

/** JPEG for photos; WebP for PNG/WebP sources so transparency survives where the browser can encode it. */
export function outputTypeFor(source: ImageType): ImageType {
  return source === "image/jpeg" ? "image/jpeg" : "image/webp";
}

async function encode(bitmap: ImageBitmap, attempt: EncodeAttempt, type: ImageType): Promise<Blob> {
  const { width, height, quality } = attempt;
  const draw = (ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D) => {
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = "high";
    if (type === "image/jpeg") {
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, width, height);
    }
    ctx.drawImage(bitmap, 0, 0, width, height);
  };
  if (typeof OffscreenCanvas !== "undefined") {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2d canvas");
    draw(ctx);
    return canvas.convertToBlob({ type, quality });
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2d canvas");
  draw(ctx);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("encode failed"))), type, quality),
  );
}

export interface Downscaled extends Dimensions {
  blob: Blob;
  type: ImageType;
}

/** Decodes (upright, per EXIF orientation), shrinks and re-encodes; the result carries no metadata. */
export async function downscaleImage(file: Blob, source: ImageType): Promise<Downscaled> {
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  try {
    let type = outputTypeFor(source);
    let best: Downscaled | null = null;
    for (const attempt of encodeAttempts({ width: bitmap.width, height: bitmap.height })) {
      let blob = await encode(bitmap, attempt, type);
      // Browsers without a WebP encoder silently answer PNG; JPEG is then the better choice.
      if (blob.type !== type) {
        type = "image/jpeg";
        blob = await encode(bitmap, attempt, type);
      }
      best = { blob, type, width: attempt.width, height: attempt.height };
      if (blob.size <= DOWNSCALE.maxBytes) break;
    }
    if (!best) throw new Error("no encode attempt");
    return best;
  } finally {
    bitmap.close();
  }
}
