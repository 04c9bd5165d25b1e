import "server-only";
/** Media storage: a small interface so the local folder can later be swapped for an S3-compatible bucket. */

export interface StoredObject {
  key: string;
  size: number;
  /** Hex SHA-256 of the content, when the storage computed it while writing. */
  sha256?: string;
  modifiedAt: Date;
}

export interface ByteRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
}

export interface ReadResult {
  body: ReadableStream<Uint8Array>;
  size: number;
  range: ByteRange;
}

export interface PutOptions {
  /** Refuse (and store nothing) once more than this many bytes arrive. */
  maxBytes?: number;
}

export type PutBody = Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface MediaStorage {
  put(key: string, body: PutBody, options?: PutOptions): Promise<StoredObject>;
  stat(key: string): Promise<StoredObject | null>;
  /** Reads the whole object, or the inclusive byte range asked for (clamped to the object's end). */
  read(key: string, range?: { start: number; end?: number }): Promise<ReadResult | null>;
  delete(key: string): Promise<void>;
}

export class StorageLimitError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${maxBytes} bytes`);
    this.name = "StorageLimitError";
  }
}

export class RangeNotSatisfiableError extends Error {
  constructor(readonly size: number) {
    super(`The requested range is outside the file (size ${size} bytes)`);
    this.name = "RangeNotSatisfiableError";
  }
}

const KEY_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Keys are relative paths of safe segments: no `..`, no leading slash, no backslashes. */
export function assertValidKey(key: string): void {
  if (key.length > 512 || !KEY_PATTERN.test(key) || key.split("/").some((part) => part === "..")) {
    throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  }
}
