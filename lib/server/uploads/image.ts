import sharp, { type Metadata } from "sharp";

/**
 * Keyframe image checks that do not trust the browser: the type comes from the file's first bytes, the
 * size from its header, and what we store is a re-encoded copy with no metadata (EXIF GPS never leaks).
 */

export const UPLOAD_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxSide: 8192,
  minSide: 64,
} as const;

export type ImageType = "image/png" | "image/jpeg" | "image/webp";

export const IMAGE_EXTENSIONS: Record<ImageType, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
};

export class ImageRejected extends Error {
  constructor(
    readonly reason: "type" | "dimensions" | "unreadable",
    message: string,
  ) {
    super(message);
    this.name = "ImageRejected";
  }
}

export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const starts = (signature: number[], offset = 0) =>
    signature.every((byte, i) => bytes[offset + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

export interface CleanImage {
  bytes: Buffer;
  type: ImageType;
  width: number;
  height: number;
}

/** Checks type (by magic bytes), dimensions and pixel count without decoding the pixels. */
export async function checkImage(input: Uint8Array): Promise<Omit<CleanImage, "bytes">> {
  const type = sniffImageType(input);
  if (!type) throw new ImageRejected("type", "file: must be a PNG, JPEG or WebP image");
  let meta: Metadata;
  try {
    // Header only: no pixel limit here, so an oversized image is refused by our own check with its size.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejected("unreadable", "file: the image could not be read; it may be damaged");
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const { maxSide, minSide, maxPixels } = UPLOAD_LIMITS;
  if (width > maxSide || height > maxSide || width * height > maxPixels) {
    throw new ImageRejected(
      "dimensions",
      `file: ${width}×${height} is too large; at most ${maxSide} px a side and ${maxPixels / 1_000_000} megapixels`,
    );
  }
  if (width < minSide || height < minSide) {
    throw new ImageRejected(
      "dimensions",
      `file: ${width}×${height} is too small; at least ${minSide} px a side`,
    );
  }
  return { type, width, height };
}

/** Checks type, dimensions and pixel count, then re-encodes upright and without metadata. */
export async function cleanImage(input: Uint8Array): Promise<CleanImage> {
  const { type } = await checkImage(input);
  const { maxPixels } = UPLOAD_LIMITS;
  try {
    // rotate() applies the EXIF orientation before the metadata (and with it the orientation tag) is dropped.
    const pipeline = sharp(input, { limitInputPixels: maxPixels }).rotate();
    const encoded =
      type === "image/png"
        ? pipeline.png({ compressionLevel: 8 })
        : type === "image/webp"
          ? pipeline.webp({ quality: 90 })
          : pipeline.jpeg({ quality: 90, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, type, width: info.width, height: info.height };
  } catch {
    throw new ImageRejected("unreadable", "file: the image could not be decoded; it may be damaged");
  }
}
