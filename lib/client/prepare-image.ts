import { DOWNSCALE, downscaleImage, needsDownscale } from "./downscale";
import { type Dimensions, type ImageType, imageDimensions, sniffImageType } from "./image-header";
import { KeyframeRejected } from "./keyframe-rejected";

/** Limits the browser checks before decoding; anything larger is shrunk to ~2048 px anyway. */
export const DECODE_LIMITS = { maxSide: 16_384, maxPixels: 70_000_000, minSide: 64 } as const;

const HEADER_BYTES = 512 * 1024;

/** Past these the browser can't be trusted to decode the image at all, so no downscale is offered. */
const DOWNSCALE_CEILING = { maxSide: 32_000, maxPixels: 200_000_000 } as const;

export function canDownscale({ width, height }: Dimensions): boolean {
  return (
    width <= DOWNSCALE_CEILING.maxSide &&
    height <= DOWNSCALE_CEILING.maxSide &&
    width * height <= DOWNSCALE_CEILING.maxPixels
  );
}

export function dimensionProblem(name: string, size: Dimensions): string | null {
  return dimensionRejection(name, size)?.message ?? null;
}

function dimensionRejection(name: string, { width, height }: Dimensions): KeyframeRejected | null {
  const { maxSide, maxPixels, minSide } = DECODE_LIMITS;
  if (width > maxSide || height > maxSide || width * height > maxPixels) {
    const megapixels = maxPixels / 1_000_000;
    return new KeyframeRejected(
      `${name} is ${width}×${height} px; images may be at most ${maxSide} px a side and ${megapixels} megapixels.`,
      "Keyframe.tooBig",
      { name, width, height, maxSide, megapixels },
    );
  }
  if (width < minSide || height < minSide) {
    return new KeyframeRejected(
      `${name} is ${width}×${height} px; images must be at least ${minSide} px a side.`,
      "Keyframe.tooSmall",
      { name, width, height, minSide },
    );
  }
  return null;
}

export interface PreparedImage extends Dimensions {
  blob: Blob;
  type: ImageType;
  downscaled: boolean;
}

export interface Inspected {
  type: ImageType;
  size: Dimensions;
}

/**
 * Checks a keyframe by its first bytes (type, pixel size) without decoding it. `allowLarge`: the creator
 * chose to have an image over the limits downscaled; it is shrunk before upload anyway.
 */
export async function inspectKeyframe(file: File, { allowLarge = false } = {}): Promise<Inspected> {
  const head = new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer());
  const type = sniffImageType(head);
  if (!type) {
    throw new KeyframeRejected(`${file.name} is not a PNG, JPEG or WebP image.`, "Keyframe.notImage", {
      name: file.name,
    });
  }
  const size = imageDimensions(head, type);
  if (!size) {
    throw new KeyframeRejected(
      `${file.name} could not be read as an image; it may be damaged.`,
      "Keyframe.unreadable",
      { name: file.name },
    );
  }
  const problem = dimensionRejection(file.name, size);
  if (problem && !(allowLarge && problem.key === "Keyframe.tooBig" && canDownscale(size))) throw problem;
  return { type, size };
}

/** Shrinks a checked keyframe when it is bigger than the upstream needs; small ones go up untouched. */
export async function prepareKeyframe(file: File, { type, size }: Inspected): Promise<PreparedImage> {
  if (!needsDownscale(size, file.size)) return { blob: file, type, ...size, downscaled: false };
  let shrunk: Awaited<ReturnType<typeof downscaleImage>>;
  try {
    shrunk = await downscaleImage(file, type);
  } catch {
    throw new KeyframeRejected(
      `${file.name} could not be decoded; it may be damaged.`,
      "Keyframe.undecodable",
      {
        name: file.name,
      },
    );
  }
  // Re-encoding a small but heavy image can make it heavier; then the original goes up as it is.
  const keepOriginal =
    shrunk.blob.size >= file.size && Math.max(size.width, size.height) <= DOWNSCALE.maxEdge;
  return keepOriginal ? { blob: file, type, ...size, downscaled: false } : { ...shrunk, downscaled: true };
}
