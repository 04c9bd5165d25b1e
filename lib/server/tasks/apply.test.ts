import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { snapshotOf } from "@/lib/luma/test-helpers";
import type { UpstreamSnapshot } from "@/lib/luma/types";
import { type OpenDatabase, openDatabase } from "../db/open";
import { tasks } from "../db/schema";
import { applyUpstreamUpdate } from "./apply";

const snapshot = snapshotOf;

describe("applyUpstreamUpdate", () => {
  let dir: string;
  let open: OpenDatabase;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-apply-"));
    open = await openDatabase({ kind: "pglite", dataDir: dir });
  });
  afterAll(async () => {
    await open.close();
    await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await open.db.delete(tasks);
    await open.db
      .insert(tasks)
      .values({ id: "t1", provider: "relay", kind: "generate", prompt: "fox", state: "submitting" });
  });

  const apply = (answer: UpstreamSnapshot) => applyUpstreamUpdate("t1", answer, "poll", open.db);
  const read = async () => (await open.db.select().from(tasks).where(eq(tasks.id, "t1")))[0]!;

  it("moves forward through queued and running to completed, finishing once", async () => {
    expect(
      (await apply(snapshot({ state: "queued", rawState: "pending", estimateWaitSeconds: 30 })))?.task,
    ).toMatchObject({
      state: "queued",
      upstreamId: "up-1",
      estimateWaitSeconds: 30,
    });
    expect((await apply(snapshot({ state: "running" })))?.task.state).toBe("running");
    const done = await apply(
      snapshot({
        state: "completed",
        rawState: "completed",
        videoUrl: "https://cdn/v.mp4",
        width: 1280,
        height: 720,
      }),
    );
    expect(done).toMatchObject({ finished: true, changed: true });
    expect(done?.task).toMatchObject({ state: "completed", videoUrl: "https://cdn/v.mp4", width: 1280 });
    expect(done?.task.completedAt).toBeInstanceOf(Date);
    const again = await apply(snapshot({ state: "completed", videoUrl: "https://cdn/v.mp4" }));
    expect(again).toMatchObject({ finished: false, changed: false });
  });

  it("keeps a task running while 'completed' arrives without a video URL", async () => {
    await apply(snapshot({ state: "completed", rawState: "completed" }));
    expect((await read()).state).toBe("running");
    const finished = await apply(snapshot({ state: "completed", videoUrl: "https://cdn/late.mp4" }));
    expect(finished?.finished).toBe(true);
    expect((await read()).state).toBe("completed");
  });

  it("ignores stale and backward answers", async () => {
    await apply(snapshot({ state: "completed", videoUrl: "https://cdn/v.mp4" }));
    await apply(snapshot({ state: "running" }));
    await apply(snapshot({ state: "queued" }));
    await apply(snapshot({ state: "failed", failureReason: "late failure" }));
    const row = await read();
    expect(row.state).toBe("completed");
    expect(row.failureReason).toBeNull();
  });

  it("never moves from running back to queued", async () => {
    await apply(snapshot({ state: "running" }));
    await apply(snapshot({ state: "queued", rawState: "pending" }));
    expect((await read()).state).toBe("running");
  });

  it("records the upstream's failure reason and never leaves failed", async () => {
    const failed = await apply(
      snapshot({ state: "failed", rawState: "failed", failureReason: "Contains blacklisted words" }),
    );
    expect(failed?.finished).toBe(true);
    await apply(snapshot({ state: "completed", videoUrl: "https://cdn/v.mp4" }));
    expect(await read()).toMatchObject({
      state: "failed",
      failureReason: "Contains blacklisted words",
      videoUrl: null,
    });
  });

  it("does not erase known fields when a later answer omits them", async () => {
    await apply(snapshot({ state: "running", thumbnailUrl: "https://cdn/t.jpg", width: 720 }));
    await apply(snapshot({ state: "running" }));
    expect(await read()).toMatchObject({ thumbnailUrl: "https://cdn/t.jpg", width: 720 });
  });

  it("ignores an answer about a different upstream task", async () => {
    await apply(snapshot({ state: "running" }));
    const result = await applyUpstreamUpdate(
      "t1",
      snapshot({ upstreamId: "other", state: "failed" }),
      "webhook",
      open.db,
    );
    expect(result?.changed).toBe(false);
    expect((await read()).state).toBe("running");
  });

  it("answers null for an unknown task", async () => {
    expect(await applyUpstreamUpdate("missing", snapshot({}), "poll", open.db)).toBeNull();
  });

  it("serialises concurrent answers so the task finishes exactly once", async () => {
    await apply(snapshot({ state: "running" }));
    const results = await Promise.all(
      Array.from({ length: 8 }, () => apply(snapshot({ state: "completed", videoUrl: "https://cdn/v.mp4" }))),
    );
    expect(results.filter((result) => result?.finished)).toHaveLength(1);
  });
});
