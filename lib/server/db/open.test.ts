import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./open";
import { shareLinks, tasks, uploads } from "./schema";

describe("embedded database", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
  });

  it("keeps every row across a close and reopen, and migrates idempotently", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-db-"));
    dirs.push(dataDir);

    const first = await openDatabase({ kind: "pglite", dataDir });
    await first.db.insert(uploads).values({
      id: "up_1",
      storageKey: "uploads/up_1.png",
      contentType: "image/png",
      bytes: 10,
      width: 4,
      height: 3,
      sha256: "abc",
    });
    await first.db.insert(tasks).values({
      id: "task_1",
      provider: "simulator",
      kind: "generate",
      prompt: "a red fox in snow",
      state: "running",
      startUploadId: "up_1",
      idempotencyKey: "idem-1",
    });
    await first.db.insert(shareLinks).values({ token: "tok_1", taskId: "task_1" });
    await first.close();

    const second = await openDatabase({ kind: "pglite", dataDir });
    const [task] = await second.db.select().from(tasks).where(eq(tasks.id, "task_1"));
    expect(task).toMatchObject({ prompt: "a red fox in snow", state: "running", startUploadId: "up_1" });
    expect(await second.db.select().from(shareLinks)).toHaveLength(1);
    expect(await second.db.select().from(uploads)).toHaveLength(1);

    await expect(
      second.db.insert(tasks).values({
        id: "task_2",
        provider: "simulator",
        kind: "generate",
        prompt: "duplicate",
        state: "submitting",
        idempotencyKey: "idem-1",
      }),
    ).rejects.toThrow();
    await second.close();
  });
});
