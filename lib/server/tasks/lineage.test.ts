import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SimAndDb, startSimAndDb } from "@/tests/support/sim-and-db";
import { getDb, openStudioDatabase, schema } from "../db";
import type { NewTaskRow } from "../db/schema";
import { resetEnvForTests } from "../env";
import { AppError } from "../http/errors";
import { mediaStorage } from "../storage";
import { continueFromLastFrame } from "./continue";
import { extendGeneration, PARENT_GONE_MESSAGE } from "./extend";
import { getFamily } from "./family";
import { newTaskId } from "./ids";

/**
 * The extend / continue services against a real database, real media storage and the simulator as a
 * relay. Parents are written as rows, so each case sets up exactly the state it is about.
 */

let env: SimAndDb;

beforeAll(async () => {
  env = await startSimAndDb("lineage");
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

async function parentRow(values: Partial<NewTaskRow>): Promise<string> {
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
    state: "completed",
    upstreamId: `up-${id}`,
    idempotencyKey: `seed-${id}`,
    ...values,
  });
  return id;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("continue from last frame", () => {
  it("starts from the parent's stored last frame, byte for byte, and a repeated key makes nothing new", async () => {
    // Noise makes any re-encoding visible as different bytes.
    const frame = await sharp({
      create: {
        width: 360,
        height: 640,
        channels: 3,
        background: "#335",
        noise: { type: "gaussian", mean: 120, sigma: 30 },
      },
    })
      .jpeg({ quality: 83 })
      .toBuffer();
    const key = "tasks/stored-parent/last-frame.jpg";
    await mediaStorage().put(key, frame);
    const parentId = await parentRow({ lastFrameKey: key, lastFrameUrl: "https://gone.invalid/frame.jpg" });

    const first = await continueFromLastFrame(
      parentId,
      { prompt: "the light turns on", expandPrompt: false, loop: false },
      "continue-key-0001",
    );
    expect(first.created).toBe(true);
    expect(first.task).toMatchObject({ kind: "generate", parentId, aspectRatio: "9:16", state: "queued" });
    const db = await getDb();
    const [child] = await db.select().from(schema.tasks).where(eq(schema.tasks.id, first.task.id));
    const [upload] = await db
      .select()
      .from(schema.uploads)
      .where(eq(schema.uploads.id, child?.startUploadId ?? ""));
    if (!upload) throw new Error("the new clip has no start keyframe upload");
    const stored = await mediaStorage().read(upload.storageKey);
    if (!stored) throw new Error("the start keyframe file is missing");
    const bytes = Buffer.from(await new Response(stored.body).arrayBuffer());
    expect(bytes.equals(frame)).toBe(true);
    expect(first.task.startImage?.url).toBe(`/api/media/${upload.storageKey}`);

    const uploadsBefore = (await db.select().from(schema.uploads)).length;
    const again = await continueFromLastFrame(
      parentId,
      { prompt: "the light turns on", expandPrompt: false, loop: false },
      "continue-key-0001",
    );
    expect(again).toEqual({ task: expect.objectContaining({ id: first.task.id }), created: false });
    expect((await db.select().from(schema.uploads)).length).toBe(uploadsBefore);
  });
});

describe("extend", () => {
  it("is refused for a running clip, a failed clip and an unknown id, saying why", async () => {
    const running = await parentRow({ state: "running" });
    const failed = await parentRow({ state: "failed", failureReason: "Frame moderation failed" });
    const input = { prompt: "more", expandPrompt: false };
    const whileRunning = await rejection(extendGeneration(running, input, null));
    expect(whileRunning.code).toBe("conflict");
    expect(whileRunning.message).toMatch(/still rendering.*once it is finished/);
    const afterFailure = await rejection(extendGeneration(failed, input, null));
    expect(afterFailure.code).toBe("conflict");
    expect(afterFailure.message).toMatch(/failed, so it has no video/);
    expect((await rejection(extendGeneration("t_nope", input, null))).code).toBe("not_found");
  });

  it("tells the creator to continue from the last frame when the upstream forgot the parent", async () => {
    const parentId = await parentRow({ upstreamId: "forgotten-upstream-id" });
    const error = await rejection(
      extendGeneration(parentId, { prompt: "and then", expandPrompt: false }, null),
    );
    expect(error.code).toBe("upstream_rejected");
    expect(error.message).toBe(PARENT_GONE_MESSAGE);
    expect(error.extra.suggestion).toBe("continue_from_last_frame");
    const family = await getFamily(parentId);
    expect(family.members.map((member) => [member.depth, member.task.state, member.task.errorCode])).toEqual([
      [0, "completed", null],
      [1, "failed", "upstream_parent_missing"],
    ]);
    expect(family.members[1]?.task).toMatchObject({
      kind: "extend",
      aspectRatio: "9:16",
      failureReason: PARENT_GONE_MESSAGE,
    });
  });
});
