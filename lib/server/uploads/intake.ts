import "server-only";
import { eq } from "drizzle-orm";
import { getDb, schema } from "../db";
import { BODY_LIMITS, readBody, readStreamLimited } from "../http/body";
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

const tooLarge = (field = "file") =>
  new AppError("payload_too_large", `${field}: must be at most ${UPLOAD_LIMITS.maxBytes / 1024 / 1024} MB`);

/** Reads at most `limit` bytes of a stream, refusing as soon as more arrive (http/body.ts). */
export function readLimited(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  tooBig: () => Error = tooLarge,
): Promise<Uint8Array> {
  return readStreamLimited(stream, limit, tooBig);
}

/** A multipart form's image field, the body read through the one limited reader (http/body.ts). */
async function formImageBytes(request: Request, field: string): Promise<Uint8Array> {
  const raw = await readBody(request, BODY_LIMITS.upload, field);
  const original = request.headers.get("content-type") ?? "";
  const form = await new Response(raw, { headers: { "content-type": original } }).formData().catch(() => {
    throw new AppError("bad_request", `${field}: the form could not be read`);
  });
  const file = form.get(field);
  if (!(file instanceof Blob))
    throw new AppError("validation_failed", `${field}: attach an image as the \`${field}\` field`);
  if (file.size > UPLOAD_LIMITS.maxBytes) throw tooLarge(field);
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * The image from a raw `image/*` body or a multipart form's `file` field. Either way the body is read
 * through the one limited reader, so a chunked body without Content-Length is refused once it is over,
 * never cut to fit.
 */
async function imageBytes(request: Request): Promise<Uint8Array> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) return formImageBytes(request, "file");
  if (!type.startsWith("image/") && !type.startsWith("application/octet-stream")) {
    throw new AppError(
      "unsupported_media_type",
      "file: send the image as multipart/form-data or an image/* body",
    );
  }
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > UPLOAD_LIMITS.maxBytes) throw tooLarge();
  if (!request.body) throw new AppError("validation_failed", "file: the body is empty");
  return readLimited(request.body, UPLOAD_LIMITS.maxBytes);
}

export async function receiveUpload(request: Request): Promise<UploadAnswer> {
  return checkAndStore(await imageBytes(request), "file");
}

/**
 * The installed app's share target (manifest share_target): a multipart form with the image in `field`,
 * checked and stored exactly like POST /api/uploads.
 */
export async function receiveSharedImage(request: Request, field: string): Promise<UploadAnswer> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) {
    throw new AppError("unsupported_media_type", `${field}: send the image as multipart/form-data`);
  }
  return checkAndStore(await formImageBytes(request, field), field);
}

async function checkAndStore(raw: Uint8Array, field: string): Promise<UploadAnswer> {
  if (raw.byteLength === 0) throw new AppError("validation_failed", `${field}: the image is empty`);
  let image: CleanImage;
  try {
    image = await cleanImage(raw);
  } catch (error) {
    if (error instanceof ImageRejected) {
      throw new AppError(
        error.reason === "type" ? "unsupported_media_type" : "validation_failed",
        error.message.replace(/^file:/, `${field}:`),
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

/** An upload as POST /api/uploads answered it; 404 when there is none with that id. */
export async function describeUpload(id: string): Promise<UploadAnswer> {
  const upload = await findUpload(id);
  if (!upload) throw new AppError("not_found", "id: no uploaded image with that id; upload it again");
  return {
    id: upload.id,
    url: mediaUrl(upload.storageKey),
    width: upload.width,
    height: upload.height,
    bytes: upload.bytes,
    type: upload.contentType,
  };
}
