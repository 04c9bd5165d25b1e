import "server-only";
import { eq } from "drizzle-orm";
import { getDb, schema } from "../db";
import { AppError } from "../http/errors";
import { mediaStorage } from "../storage";
import { newUploadId } from "../tasks/ids";
import { mediaUrl } from "../tasks/present";
import { type CleanImage, cleanImage, IMAGE_EXTENSIONS, ImageRejected, UPLOAD_LIMITS } from "./image";

export interface UploadAnswer {
  id: string;
  url: string;
  width: number;
  height: number;
  bytes: number;
  type: string;
}

const tooLarge = () =>
  new AppError("payload_too_large", `file: must be at most ${UPLOAD_LIMITS.maxBytes / 1024 / 1024} MB`);

/** Reads at most `limit` bytes of a stream, refusing as soon as more arrive. */
export async function readLimited(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  tooBig: () => Error = tooLarge,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** The image from a raw `image/*` body or a multipart form's `file` field. */
async function imageBytes(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    // Multipart overhead is small; a body far beyond the limit is refused before it is read.
    if (declared > UPLOAD_LIMITS.maxBytes + 64 * 1024) throw tooLarge();
    const form = await request.formData().catch(() => {
      throw new AppError("bad_request", "file: the form could not be read");
    });
    const file = form.get("file");
    if (!(file instanceof Blob))
      throw new AppError("validation_failed", "file: attach an image as the `file` field");
    if (file.size > UPLOAD_LIMITS.maxBytes) throw tooLarge();
    return new Uint8Array(await file.arrayBuffer());
  }
  if (!type.startsWith("image/") && !type.startsWith("application/octet-stream")) {
    throw new AppError(
      "unsupported_media_type",
      "file: send the image as multipart/form-data or an image/* body",
    );
  }
  if (declared > UPLOAD_LIMITS.maxBytes) throw tooLarge();
  if (!request.body) throw new AppError("validation_failed", "file: the body is empty");
  return readLimited(request.body, UPLOAD_LIMITS.maxBytes);
}

export async function receiveUpload(request: Request): Promise<UploadAnswer> {
  const raw = await imageBytes(request);
  if (raw.byteLength === 0) throw new AppError("validation_failed", "file: the image is empty");
  let image: CleanImage;
  try {
    image = await cleanImage(raw);
  } catch (error) {
    if (error instanceof ImageRejected) {
      throw new AppError(
        error.reason === "type" ? "unsupported_media_type" : "validation_failed",
        error.message,
      );
    }
    throw error;
  }
  return storeUpload(image);
}

/** Stores an image already checked (and, unless it is our own stored copy, re-encoded) as an upload. */
export async function storeUpload(image: CleanImage): Promise<UploadAnswer> {
  const id = newUploadId();
  const key = `uploads/${id}.${IMAGE_EXTENSIONS[image.type]}`;
  const stored = await mediaStorage().put(key, image.bytes);
  const db = await getDb();
  await db.insert(schema.uploads).values({
    id,
    storageKey: key,
    contentType: image.type,
    bytes: stored.size,
    width: image.width,
    height: image.height,
    sha256: stored.sha256 ?? "",
  });
  return {
    id,
    url: mediaUrl(key),
    width: image.width,
    height: image.height,
    bytes: stored.size,
    type: image.type,
  };
}

export async function findUpload(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(schema.uploads).where(eq(schema.uploads.id, id));
  return row ?? null;
}
