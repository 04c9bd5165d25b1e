import "server-only";
import { and, eq } from "drizzle-orm";
import type { Task } from "@/lib/shared/task";
import { getDb, schema } from "../db";
import { AppError } from "../http/errors";
import { getTask, getTaskRow } from "../tasks/queries";
import { updateTask } from "../tasks/update";
import { getBoardRow, isForeignKeyViolation } from "./boards";

const { boards, boardClips } = schema;

/**
 * Puts a clip on a board, or takes it off. Both are idempotent (adding twice keeps one membership,
 * removing one that is not there is fine) and answer the clip as it now is. A real change touches the
 * clip through updateTask, so every open tab sees its `boardIds` move through the live feed, and
 * bumps the board's `updated_at`.
 */
export async function setBoardClip(boardId: string, taskId: string, member: boolean): Promise<Task> {
  await Promise.all([getBoardRow(boardId), getTaskRow(taskId)]);
  const db = await getDb();
  await db
    .transaction(async (tx) => {
      const changed = member
        ? await tx
            .insert(boardClips)
            .values({ boardId, taskId })
            .onConflictDoNothing()
            .returning({ taskId: boardClips.taskId })
        : await tx
            .delete(boardClips)
            .where(and(eq(boardClips.boardId, boardId), eq(boardClips.taskId, taskId)))
            .returning({ taskId: boardClips.taskId });
      if (changed.length === 0) return;
      await updateTask(tx, taskId, {});
      await tx.update(boards).set({ updatedAt: new Date() }).where(eq(boards.id, boardId));
    })
    .catch((error: unknown) => {
      // The clip or the board was deleted between the checks above and the write.
      if (isForeignKeyViolation(error)) throw new AppError("not_found", "No such board or clip");
      throw error;
    });
  return getTask(taskId);
}

/** Stars or unstars a clip (idempotent), through updateTask so open tabs see it. */
export async function setFavourite(taskId: string, favourite: boolean): Promise<Task> {
  const row = await getTaskRow(taskId);
  if (row.favourite !== favourite) await updateTask(await getDb(), taskId, { favourite });
  return getTask(taskId);
}
