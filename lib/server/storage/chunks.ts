import "server-only";
import { createHash } from "node:crypto";
import { type PutBody, StorageLimitError } from "./types";

/** Any accepted body as one async sequence of byte chunks. */
export async function* chunksOf(body: PutBody): AsyncIterable<Uint8Array> {
  if (body instanceof Uint8Array) {
    yield body;
  } else if (body instanceof ReadableStream) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  } else {
    yield* body;
  }
}

/**
 * The body's chunks, counted and hashed as they pass: what every store does while writing. Past
 * `maxBytes` the sequence throws StorageLimitError (and `overLimit` stays true, for stores whose
 * client wraps the error on its way out).
 */
export class MeteredChunks {
  size = 0;
  overLimit = false;
  private readonly hash = createHash("sha256");
  readonly chunks: AsyncIterable<Uint8Array>;

  constructor(body: PutBody, maxBytes: number | undefined) {
    this.chunks = this.meter(body, maxBytes);
  }

  sha256(): string {
    return this.hash.digest("hex");
  }

  private async *meter(body: PutBody, maxBytes: number | undefined) {
    for await (const chunk of chunksOf(body)) {
      this.size += chunk.byteLength;
      if (maxBytes !== undefined && this.size > maxBytes) {
        this.overLimit = true;
        throw new StorageLimitError(maxBytes);
      }
      this.hash.update(chunk);
      yield chunk;
    }
  }
}
