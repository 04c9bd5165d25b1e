import "server-only";
import type { MediaStorage } from "./types";

/**
 * A storage whose implementation is imported on first use: the S3 client pulls in the AWS SDK
 * (~10 MB resident), which a studio keeping media in a local folder never needs.
 */
export function lazyStorage(load: () => Promise<MediaStorage>): MediaStorage {
  let loaded: Promise<MediaStorage> | undefined;
  const storage = () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
  return {
    put: async (key, body, options) => (await storage()).put(key, body, options),
    stat: async (key) => (await storage()).stat(key),
    read: async (key, range) => (await storage()).read(key, range),
    delete: async (key) => (await storage()).delete(key),
  };
}
