import "server-only";
import { eq } from "drizzle-orm";
import type { LumaProvider, UpstreamSnapshot } from "@/lib/luma";
import { type CreateGenerationInput, capabilityProblems } from "@/lib/shared/generation-input";
import type { Task } from "@/lib/shared/task";
import { getDb, schema } from "../db";
import type { NewTaskRow, TaskRow } from "../db/schema";
import { hookUrlFor } from "../hooks";
import { AppError } from "../http/errors";
import { log } from "../log";
import { onTaskFinished } from "../media/mirroring";
import { provider, providerName } from "../upstream";
import { applyUpstreamUpdate } from "./apply";
import { newTaskId, randomToken } from "./ids";
import { resolveKeyframe } from "./keyframes";
import { getTask } from "./queries";
import { firstPollAt } from "./schedule";
import { describeSubmitFailure } from "./submit-errors";

const SUBMIT_TIMEOUT_MS = 60_000;

export interface Created {
  task: Task;
  /** False when the idempotency key matched an earlier submit, which is answered instead. */
  created: boolean;
}

/**
 * Writes the task row first (state `submitting`), then calls the upstream once. A repeated
 * idempotency key returns the existing task without calling the upstream again.
 */
export async function insertOrReuse(values: NewTaskRow): Promise<{ row: TaskRow; created: boolean }> {
  const db = await getDb();
  const [inserted] = await db
    .insert(schema.tasks)
    .values(values)
    .onConflictDoNothing({ target: schema.tasks.idempotencyKey })
    .returning();
  if (inserted) return { row: inserted, created: true };
  const [existing] = await db
    .select()
    .from(schema.tasks)
    .where(eq(schema.tasks.idempotencyKey, values.idempotencyKey ?? ""));
  if (!existing) throw new Error("idempotency conflict without an existing task");
  return { row: existing, created: false };
}

/** Sends the task upstream and records the answer, or the failure with the upstream's own reason. */
export async function submitUpstream(
  row: TaskRow,
  send: (upstream: LumaProvider, signal: AbortSignal) => Promise<UpstreamSnapshot>,
): Promise<Task> {
  const db = await getDb();
  try {
    const snapshot = await send(provider(), AbortSignal.timeout(SUBMIT_TIMEOUT_MS));
    const applied = await applyUpstreamUpdate(row.id, snapshot, "submit");
    if (applied?.finished) onTaskFinished(applied.task);
    await db
      .update(schema.tasks)
      .set({ nextPollAt: firstPollAt(snapshot.estimateWaitSeconds) })
      .where(eq(schema.tasks.id, row.id));
    return getTask(row.id);
  } catch (error) {
    const failure = describeSubmitFailure(error, row.id);
    log.warn("submit failed", { taskId: row.id, code: failure.code, reason: failure.reason });
    await db
      .update(schema.tasks)
      .set({
        state: "failed",
        failureReason: failure.reason,
        errorCode: failure.code,
        completedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(schema.tasks.id, row.id));
    throw failure.answer;
  }
}

export async function createGeneration(
  input: CreateGenerationInput,
  idempotencyKey: string | null,
): Promise<Created> {
  const upstream = provider();
  const problems = capabilityProblems(input, upstream.capabilities);
  const first = Object.entries(problems)[0];
  if (first) throw new AppError("validation_failed", `${first[0]}: ${first[1]}`, { fields: problems });

  const [start, end] = await Promise.all([
    resolveKeyframe(input.startFrame, "startFrame"),
    resolveKeyframe(input.endFrame, "endFrame"),
  ]);
  const caps = upstream.capabilities;
  const { row, created } = await insertOrReuse({
    id: newTaskId(),
    provider: providerName(),
    kind: "generate",
    prompt: input.prompt,
    expandPrompt: input.expandPrompt,
    loop: input.loop,
    aspectRatio: input.aspectRatio ?? "16:9",
    model: input.model ?? caps.defaultModel,
    resolution: input.resolution ?? caps.resolutions[0] ?? null,
    duration: input.duration ?? caps.durations[0] ?? null,
    startUploadId: start?.uploadId ?? null,
    startImageUrl: start?.imageUrl ?? null,
    endUploadId: end?.uploadId ?? null,
    endImageUrl: end?.imageUrl ?? null,
    state: "submitting",
    idempotencyKey: idempotencyKey ?? `server-${randomToken()}`,
    hookSecret: randomToken(24),
  });
  if (!created) return { task: await getTask(row.id), created: false };

  const task = await submitUpstream(row, (client, signal) =>
    client.submit(
      {
        prompt: row.prompt,
        expandPrompt: row.expandPrompt,
        loop: row.loop,
        aspectRatio: row.aspectRatio ?? undefined,
        model: row.model ?? undefined,
        resolution: row.resolution ?? undefined,
        duration: row.duration ?? undefined,
        startImageUrl: start?.upstreamUrl,
        endImageUrl: end?.upstreamUrl,
        callbackUrl: hookUrlFor(row.id, row.hookSecret),
      },
      { signal },
    ),
  );
  return { task, created: true };
}
