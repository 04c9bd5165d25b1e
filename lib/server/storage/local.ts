import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { MeteredChunks } from "./chunks";
import {
  assertValidKey,
  type MediaStorage,
  type PutBody,
  type PutOptions,
  RangeNotSatisfiableError,
  type ReadResult,
  type StoredObject,
} from "./types";

/** Stores each object as a file under `root`; writes go to a temporary file first and are renamed into place. */
export function createLocalStorage(root: string): MediaStorage {
  const fileOf = (key: string) => {
    assertValidKey(key);
    return path.join(root, key);
  };

  async function stat(key: string): Promise<StoredObject | null> {
    try {
      const info = await fs.stat(fileOf(key));
      return info.isFile() ? { key, size: info.size, modifiedAt: info.mtime } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  return {
    async put(key: string, body: PutBody, options: PutOptions = {}): Promise<StoredObject> {
      const target = fileOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString("hex")}.part`;
      const meter = new MeteredChunks(body, options.maxBytes);
      const handle = await fs.open(temp, "w");
      try {
        for await (const chunk of meter.chunks) await handle.write(chunk);
        await handle.close();
        await fs.rename(temp, target);
      } catch (error) {
        await handle.close().catch(() => {});
        await fs.rm(temp, { force: true });
        throw error;
      }
      const info = await fs.stat(target);
      return { key, size: meter.size, sha256: meter.sha256(), modifiedAt: info.mtime };
    },

    stat,

    async read(key: string, range?: { start: number; end?: number }): Promise<ReadResult | null> {
      const info = await stat(key);
      if (!info) return null;
      const last = info.size - 1;
      const start = range?.start ?? 0;
      const end = Math.min(range?.end ?? last, last);
      if (range && (start < 0 || start > end || start > last)) throw new RangeNotSatisfiableError(info.size);
      const body =
        info.size === 0
          ? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() })
          : (Readable.toWeb(createReadStream(fileOf(key), { start, end })) as ReadableStream<Uint8Array>);
      return { body, size: info.size, range: { start, end: Math.max(end, start - 1) } };
    },

    async delete(key: string): Promise<void> {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}
