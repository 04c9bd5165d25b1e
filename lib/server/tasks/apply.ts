import "server-only";
import { eq } from "drizzle-orm";
import type { UpstreamSnapshot } from "@/lib/luma/types";
import { isTerminalState, type TaskState } from "@/lib/shared/task";
import { type Database, getDb, schema } from "../db";
import type { TaskRow } from "../db/schema";
import { JOB_KIND } from "../jobs/kinds";
import { enqueueJob } from "../jobs/runner";
import { COPY_AFTER_FINISH_MS } from "../media/mirror";
import { nextState } from "./transition";
import { type TaskPatch, updateTask } from "./update";

export type UpdateSource = "submit" | "poll" | "webhook" | "refresh";

export interface ApplyResult {
  task: TaskRow;
  /** Something the creator can see moved. */
  changed: boolean;
  /** This answer is the one that finished the task. */
  finished: boolean;
}

/** Fields an answer may fill in; an answer that omits one never erases what an earlier answer said. */
function resultFields(row: TaskRow, snapshot: UpstreamSnapshot): TaskPatch {
  const patch: TaskPatch = {};
  const fill = <K extends keyof TaskPatch>(key: K, value: TaskPatch[K] | null | undefined) => {
    if (value !== null && value !== undefined && row[key as keyof TaskRow] !== value) patch[key] = value;
  };
  fill("videoUrl", snapshot.videoUrl);
  fill("watermarkedVideoUrl", snapshot.watermarkedVideoUrl);
  fill("thumbnailUrl", snapshot.thumbnailUrl);
  fill("lastFrameUrl", snapshot.lastFrameUrl);
  fill("width", snapshot.width);
  fill("height", snapshot.height);
  fill("durationSeconds", snapshot.durationSeconds);
  if (!row.upstreamCreatedAt && snapshot.createdAt) patch.upstreamCreatedAt = snapshot.createdAt;
  return patch;
}

/**
 * The one function that changes a task from an upstream answer. Submit, the watcher, webhooks and
 * "check now" all come through here, inside a row lock, so concurrent answers cannot interleave and a
 * stale or repeated answer never moves a task backwards.
 */
export async function applyUpstreamUpdate(
  taskId: string,
  snapshot: UpstreamSnapshot,
  _source: UpdateSource,
  db?: Database,
): Promise<ApplyResult | null> {
  const database = db ?? (await getDb());
  return database.transaction(async (tx) => {
    const [row] = await tx.select().from(schema.tasks).where(eq(schema.tasks.id, taskId)).for("update");
    if (!row) return null;
    if (row.upstreamId && row.upstreamId !== snapshot.upstreamId)
      return { task: row, changed: false, finished: false };

    const now = new Date();
    const current = row.state as TaskState;
    const target = nextState(
      {
        state: current,
        upstreamId: row.upstreamId,
        videoUrl: row.videoUrl,
        errorCode: row.errorCode,
        kind: row.kind,
        thumbnailUrl: row.thumbnailUrl,
      },
      snapshot,
    );
    const patch: TaskPatch = target === null ? {} : resultFields(row, snapshot);
    if (!row.upstreamId) patch.upstreamId = snapshot.upstreamId;

    if (target !== null) {
      if (snapshot.rawState && snapshot.rawState !== row.upstreamState)
        patch.upstreamState = snapshot.rawState;
      if (snapshot.estimateWaitSeconds !== row.estimateWaitSeconds && target !== "completed") {
        patch.estimateWaitSeconds = snapshot.estimateWaitSeconds;
      }
      if (target !== current) patch.state = target;
      if (current === "failed" && target !== "failed") {
        // A submit we had given up on is alive upstream after all: drop our guess and follow it again.
        patch.failureReason = null;
        patch.errorCode = null;
        patch.completedAt = null;
        patch.nextPollAt = now;
      }
      if (target === "failed") {
        patch.failureReason =
          snapshot.failureReason ?? row.failureReason ?? "The upstream reported a failure without a reason";
        patch.errorCode = "upstream_failed";
      }
      if (isTerminalState(target)) {
        patch.completedAt = now;
        patch.estimateWaitSeconds = null;
        patch.nextPollAt = null;
      }
    }

    const visible = Object.keys(patch).some(
      (key) => key !== "upstreamState" && key !== "estimateWaitSeconds",
    );
    if (visible) {
      patch.lastProgressAt = now;
      patch.stalled = false;
    }
    if (Object.keys(patch).length === 0) return { task: row, changed: false, finished: false };

    const updated = await updateTask(tx, taskId, patch);
    const finished = target !== null && target !== current && isTerminalState(target);
    // In the same transaction, so a finished clip always has its copy job, whatever happens next; due a
    // moment later, so the live feed's answer that shows the clip is not queued behind the copy.
    if (finished && target === "completed") {
      const due = new Date(now.getTime() + COPY_AFTER_FINISH_MS);
      await enqueueJob(tx, { kind: JOB_KIND.mirror, subject: taskId }, due);
    }
    return { task: updated ?? row, changed: visible, finished };
  });
}
