import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_S3_CREDENTIALS, type LocalS3, startLocalS3 } from "@/tests/support/local-s3";
import { storageContract } from "./contract";
import { createS3Client, createS3Storage, type S3MediaConfig } from "./s3";
import type { MediaStorage } from "./types";

describe("S3-compatible media storage (s3rver on loopback)", () => {
  let s3: LocalS3;
  let config: S3MediaConfig;
  let storage: MediaStorage;

  beforeAll(async () => {
    s3 = await startLocalS3({ bucket: "luma-unit" });
    config = {
      kind: "s3",
      bucket: s3.bucket,
      prefix: "studio/media",
      endpoint: s3.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: LOCAL_S3_CREDENTIALS,
    };
  });
  afterAll(async () => {
    await s3?.close();
  });

  async function listKeys(): Promise<string[]> {
    const listed = await createS3Client(config).send(new ListObjectsV2Command({ Bucket: config.bucket }));
    return (listed.Contents ?? []).map((object) => object.Key ?? "");
  }

  // Each case gets a fresh prefix, so the bucket listing shows only what that case left behind.
  let round = 0;
  storageContract(
    () => {
      round++;
      config = { ...config, prefix: `round-${round}` };
      storage = createS3Storage(config);
      return storage;
    },
    async () => (await listKeys()).filter((key) => key.startsWith(`round-${round}/`)),
  );

  it("keeps objects under the configured prefix", async () => {
    const prefixed = createS3Storage({ ...config, prefix: "studio/media" });
    await prefixed.put("clips/t1/video.mp4", new TextEncoder().encode("x"));
    expect(await listKeys()).toContain("studio/media/clips/t1/video.mp4");
  });

  it("streams a file larger than one part as a multipart upload, with its checksum", async () => {
    const prefixed = createS3Storage({ ...config, prefix: "multipart" });
    const part = new Uint8Array(1024 * 1024).fill(7);
    async function* body() {
      for (let i = 0; i < 10; i++) yield part;
    }
    const stored = await prefixed.put("big.bin", body());
    expect(stored.size).toBe(10 * 1024 * 1024);
    expect((await prefixed.stat("big.bin"))?.size).toBe(10 * 1024 * 1024);
    const tail = await prefixed.read("big.bin", { start: 10 * 1024 * 1024 - 4 });
    expect(new Uint8Array(await new Response(tail!.body).arrayBuffer())).toEqual(new Uint8Array(4).fill(7));
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
