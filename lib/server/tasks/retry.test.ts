import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SimAndDb, startSimAndDb } from "@/tests/support/sim-and-db";
import { createBoard } from "../boards/boards";
import { setBoardClip, setFavourite } from "../boards/clips";
import { getDb, openStudioDatabase, schema } from "../db";
import type { NewTaskRow } from "../db/schema";
import { resetEnvForTests } from "../env";
import { AppError } from "../http/errors";
import { listChanges } from "./changes";
import { deleteTask } from "./delete";
import { getFamily } from "./family";
import { newTaskId } from "./ids";
import { findTaskRow } from "./queries";
import { retryFailed } from "./retry";

/** Retry and delete against a real database and the simulator as a relay. */

let env: SimAndDb;

beforeAll(async () => {
  env = await startSimAndDb("retry");
  Object.assign(process.env, {
    LUMA_PROVIDER: "relay",
    LUMA_BASE_URL: env.sim.url,
    LUMA_API_KEY: env.token,
    DATABASE_URL: `pglite:${path.join(env.dir, "db")}`,
    MEDIA_DIR: path.join(env.dir, "media"),
  });
  resetEnvForTests();
});

afterAll(async () => {
  await (await openStudioDatabase()).close();
  await env?.dispose();
});

async function row(values: Partial<NewTaskRow>): Promise<string> {
  const id = newTaskId();
  const db = await getDb();
  await db.insert(schema.tasks).values({
    id,
    provider: "relay",
    kind: "generate",
    prompt: "a lighthouse at dusk",
    aspectRatio: "9:16",
    model: "ray-v2",
    resolution: "720p",
    duration: "5s",
    state: "completed",
    upstreamId: `up-${id}`,
    idempotencyKey: `seed-${id}`,
    ...values,
  });
  return id;
}

describe("retry", () => {
  it("replaces the failed clip with a new one made from the same request", async () => {
    const parent = await row({});
    const failed = await row({
      state: "failed",
      parentId: parent,
      prompt: "a storm over the lighthouse",
      upstreamId: null,
      failureReason: "busy",
    });
    const key = `retry-${failed}`;
    const before = new Date().toISOString();
    const { task, created } = await retryFailed(failed, key);
    expect(created).toBe(true);
    expect(task).toMatchObject({
      prompt: "a storm over the lighthouse",
      aspectRatio: "9:16",
      model: "ray-v2",
      parentId: parent,
    });
    expect(task.state).not.toBe("failed");
    expect(await findTaskRow(failed)).toBeNull();
    // Other open tabs hear of both: the new clip, and the failed one gone.
    const changes = await listChanges(before);
    expect(changes.deletedIds).toContain(failed);
    expect(changes.tasks.map((item) => item.id)).toContain(task.id);
    // A repeated request answers the same new clip and changes nothing.
    const again = await retryFailed(failed, key);
    expect(again).toMatchObject({ created: false, task: { id: task.id } });
  });

  it("the new clip keeps the failed one's boards and star", async () => {
    const failed = await row({ state: "failed", upstreamId: null, failureReason: "busy" });
    const trailer = await createBoard({ name: `Trailer ${failed}` });
    const moodboard = await createBoard({ name: `Moodboard ${failed}` });
    const other = await createBoard({ name: `Other ${failed}` });
    await setBoardClip(trailer.id, failed, true);
    await setBoardClip(moodboard.id, failed, true);
    await setFavourite(failed, true);
    const { task } = await retryFailed(failed, `retry-boards-${failed}`);
    expect(task.favourite).toBe(true);
    expect([...(task.boardIds ?? [])].sort()).toEqual([trailer.id, moodboard.id].sort());
    expect(task.boardIds).not.toContain(other.id);
    expect(await findTaskRow(failed)).toBeNull();
  });

  it("a retried clip without boards or a star gets none", async () => {
    const failed = await row({ state: "failed", upstreamId: null, failureReason: "busy" });
    const { task } = await retryFailed(failed, `retry-plain-${failed}`);
    expect(task).toMatchObject({ favourite: false, boardIds: [] });
  });

  it("refuses a clip that did not fail, and a failed extension, changing nothing", async () => {
    const done = await row({});
    const refused = await retryFailed(done, null).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toMatch(/Only a failed clip can be retried; this one is completed/);
    const extension = await row({ kind: "extend", state: "failed" });
    const extensionRefused = await retryFailed(extension, null).catch((error: unknown) => error);
    expect((extensionRefused as AppError).message).toMatch(/extension can't be retried/);
    expect(await findTaskRow(done)).not.toBeNull();
    expect(await findTaskRow(extension)).not.toBeNull();
  });
});

describe("deleting a parent", () => {
  it("keeps its extensions, and their family says the first one survived a deleted clip", async () => {
    const parent = await row({});
    const child = await row({ kind: "extend", parentId: parent });
    const grandchild = await row({ kind: "extend", parentId: child });
    expect((await getFamily(child)).originDeleted).toBe(false);
    await deleteTask(parent);
    const family = await getFamily(grandchild);
    expect(family.rootId).toBe(child);
    expect(family.originDeleted).toBe(true);
    expect(family.members.map((member) => member.task.id)).toEqual([child, grandchild]);
  });
});
