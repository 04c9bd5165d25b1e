import "server-only";
import { env } from "../env";
import { lazyStorage } from "./lazy";
import { createLocalStorage } from "./local";
import type { MediaStorage } from "./types";

let storage: MediaStorage | undefined;

/** The studio's media storage, chosen from configuration: the local folder, or an S3-compatible bucket. */
export function mediaStorage(): MediaStorage {
  if (!storage) {
    const media = env().media;
    storage =
      media.kind === "s3"
        ? lazyStorage(async () => (await import("./s3")).createS3Storage(media))
        : createLocalStorage(media.dir);
  }
  return storage;
}

export * from "./types";
