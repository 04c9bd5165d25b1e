import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/**
 * An S3-compatible server in this process (s3rver from npm), on loopback, with one bucket in a throwaway
 * folder. Its fixed credentials are s3rver's defaults; it checks request signatures with them.
 */

export const LOCAL_S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  directory: string;
  close(): Promise<void>;
}

export async function startLocalS3(options: { bucket: string; port?: number }): Promise<LocalS3> {
  const directory = await mkdtemp(path.join(tmpdir(), "luma-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    silent: true,
    directory,
    configureBuckets: [{ name: options.bucket, configs: [] }],
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket: options.bucket,
    directory,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
