import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Deleting a clip through the studio's own services (configured by environment, like the server): the
 * row goes, and so do the stored copies of its video, thumbnail and last frame, but nothing else.
 */
describe("deleteTask", () => {
  let dir: string;
  let close: () => Promise<void>;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, MEDIA_DIR: process.env.MEDIA_DIR };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-delete-"));
    process.env.DATABASE_URL = `pglite:${dir}/db`;
    process.env.MEDIA_DIR = `${dir}/media`;
    const { resetEnvForTests } = await import("../env");
    resetEnvForTests();
    const { openStudioDatabase } = await import("../db");
    const open = await openStudioDatabase();
    close = () => open.close();
  });
  afterAll(async () => {
    await close?.();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    (await import("../env")).resetEnvForTests();
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function stored(key: string): Promise<string> {
    const file = path.join(dir, "media", key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, "bytes");
    return key;
  }
  const exists = (key: string) =>
    fs.stat(path.join(dir, "media", key)).then(
      () => true,
      () => false,
    );

  it("removes the row and its stored media, and answers 404 after", async () => {
    const { getDb, schema } = await import("../db");
    const { deleteTask } = await import("./delete");
    const { findTaskRow } = await import("./queries");
    const db = await getDb();
    const keys = {
      videoKey: await stored("videos/t_del/video.mp4"),
      thumbnailKey: await stored("videos/t_del/thumbnail.jpg"),
      lastFrameKey: await stored("videos/t_del/last.jpg"),
    };
    const kept = await stored("videos/t_keep/video.mp4");
    await db.insert(schema.tasks).values([
      { id: "t_del", provider: "simulator", kind: "generate", prompt: "gone", state: "completed", ...keys },
      {
        id: "t_keep",
        provider: "simulator",
        kind: "generate",
        prompt: "kept",
        state: "completed",
        videoKey: kept,
      },
    ]);

    await deleteTask("t_del");

    expect(await findTaskRow("t_del")).toBeNull();
    for (const key of Object.values(keys)) expect(await exists(key)).toBe(false);
    expect(await exists(kept)).toBe(true);
    expect(await findTaskRow("t_keep")).not.toBeNull();
    await expect(deleteTask("t_del")).rejects.toMatchObject({ code: "not_found" });
  });
});
