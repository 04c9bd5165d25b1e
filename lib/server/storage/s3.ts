import "server-only";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { MediaConfig } from "../env-media";
import { MeteredChunks } from "./chunks";
import {
  assertValidKey,
  type MediaStorage,
  type PutBody,
  type PutOptions,
  RangeNotSatisfiableError,
  type ReadResult,
  StorageLimitError,
  type StoredObject,
} from "./types";

/**
 * Media in an S3-compatible bucket. Uploads stream through lib-storage (one PutObject for small files,
 * multipart above PART_BYTES), hashing and counting on the way, so a 2 GB clip never sits in memory and
 * an object only appears once complete. Reads are ranged GetObjects, proxied by our media route so
 * access control stays in one place.
 */

export type S3MediaConfig = Extract<MediaConfig, { kind: "s3" }>;

const PART_BYTES = 8 * 1024 ** 2;
const CONTENT_TYPES: Record<string, string> = {
  mp4: "video/mp4",
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

export function createS3Client(config: S3MediaConfig): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint ?? undefined,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials ?? undefined,
    // Checksums only where S3 requires them: the default streams uploads as aws-chunked with a trailing
    // CRC, which many S3-compatible servers store verbatim or refuse. Our own SHA-256 guards the bytes.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}

function status(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

export function createS3Storage(config: S3MediaConfig, client = createS3Client(config)): MediaStorage {
  const Bucket = config.bucket;
  const objectKey = (key: string) => {
    assertValidKey(key);
    return config.prefix ? `${config.prefix}/${key}` : key;
  };

  async function stat(key: string): Promise<StoredObject | null> {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
      return { key, size: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (status(error) === 404) return null;
      throw error;
    }
  }

  async function put(key: string, body: PutBody, options: PutOptions = {}): Promise<StoredObject> {
    const Key = objectKey(key);
    const meter = new MeteredChunks(body, options.maxBytes);
    const upload = new Upload({
      client,
      params: {
        Bucket,
        Key,
        Body: Readable.from(meter.chunks),
        ContentType: CONTENT_TYPES[key.split(".").pop() ?? ""] ?? "application/octet-stream",
      },
      partSize: PART_BYTES,
      queueSize: 2,
      // A failed multipart upload is aborted, so no orphaned parts are billed.
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      if (meter.overLimit && options.maxBytes !== undefined) throw new StorageLimitError(options.maxBytes);
      throw error;
    }
    return { key, size: meter.size, sha256: meter.sha256(), modifiedAt: new Date() };
  }

  async function read(key: string, range?: { start: number; end?: number }): Promise<ReadResult | null> {
    const Key = objectKey(key);
    if (range && range.start < 0) throw new RangeNotSatisfiableError((await stat(key))?.size ?? 0);
    try {
      const answer = await client.send(
        new GetObjectCommand({
          Bucket,
          Key,
          Range: range ? `bytes=${range.start}-${range.end ?? ""}` : undefined,
        }),
      );
      if (!answer.Body) return null;
      const total = /\/(\d+)$/.exec(answer.ContentRange ?? "")?.[1];
      const length = answer.ContentLength ?? 0;
      const size = total ? Number(total) : length;
      const start = range?.start ?? 0;
      return {
        body: answer.Body.transformToWebStream() as ReadableStream<Uint8Array>,
        size,
        range: { start, end: start + length - 1 },
      };
    } catch (error) {
      const code = status(error);
      if (code === 404) return null;
      if (code === 416) throw new RangeNotSatisfiableError((await stat(key))?.size ?? 0);
      throw error;
    }
  }

  return {
    put,
    stat,
    read,
    async delete(key: string): Promise<void> {
      await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
    },
  };
}
