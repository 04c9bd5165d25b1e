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

  it("reaches the live feed: its id in deletedIds, its parent and extensions moved with it", async () => {
    const { getDb, schema } = await import("../db");
    const { deleteTask } = await import("./delete");
    const { listChanges } = await import("./changes");
    const db = await getDb();
    const long = new Date(Date.now() - 3_600_000);
    const clip = (id: string, parentId: string | null) => ({
      id,
      provider: "simulator",
      kind: parentId ? ("extend" as const) : ("generate" as const),
      parentId,
      prompt: `clip ${id}`,
      state: "completed" as const,
      createdAt: long,
      updatedAt: long,
    });
    await db
      .insert(schema.tasks)
      .values([
        clip("t_root", null),
        clip("t_mid", "t_root"),
        clip("t_leaf", "t_mid"),
        clip("t_other", null),
      ]);
    const since = new Date().toISOString();
    expect((await listChanges(since)).deletedIds).toEqual([]);

    await deleteTask("t_mid");

    const answer = await listChanges(since);
    expect(answer.deletedIds).toEqual(["t_mid"]);
    expect(answer.truncated).toBe(false);
    // The parent counts one extension fewer; the extension now reads "from a deleted clip".
    const moved = new Map(answer.tasks.map((task) => [task.id, task]));
    expect(moved.get("t_root")?.extensionCount).toBe(0);
    expect(moved.get("t_leaf")?.parentPrompt).toBeNull();
    expect(moved.has("t_other")).toBe(false);
    // A page that just loaded (no cursor) has nothing to take out; a later cursor has seen it already.
    expect((await listChanges(undefined)).deletedIds).toEqual([]);
    expect((await listChanges(new Date(Date.now() + 1_000).toISOString())).deletedIds).toEqual([]);
  });

  it("a cursor older than the tombstones are kept tells the tab to reload its lists", async () => {
    const { listChanges, TOMBSTONE_KEEP_MS } = await import("./changes");
    const recent = await listChanges(new Date(Date.now() - TOMBSTONE_KEEP_MS + 60_000).toISOString());
    expect(recent.truncated).toBe(false);
    const forgotten = await listChanges(new Date(Date.now() - TOMBSTONE_KEEP_MS - 60_000).toISOString());
    expect(forgotten.truncated).toBe(true);
  });

  it("tombstones older than a day are pruned at the next delete", async () => {
    const { getDb, schema } = await import("../db");
    const { deleteTask } = await import("./delete");
    const db = await getDb();
    await db.insert(schema.taskTombstones).values({
      taskId: "t_ancient",
      deletedAt: new Date(Date.now() - 25 * 3_600_000),
    });
    await db
      .insert(schema.tasks)
      .values({ id: "t_prune", provider: "simulator", kind: "generate", prompt: "p", state: "completed" });
    await deleteTask("t_prune");
    const left = (await db.select().from(schema.taskTombstones)).map((row) => row.taskId);
    expect(left).toContain("t_prune");
    expect(left).not.toContain("t_ancient");
  });
});
