import "server-only";
import { and, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import type { Task, TaskPage, TaskState } from "@/lib/shared/task";
import { boardIdsOf, getBoardRow } from "../boards/boards";
import { getDb, schema } from "../db";
import type { TaskRow } from "../db/schema";
import { AppError } from "../http/errors";
import { JOB_KIND } from "../jobs/kinds";
import { jobsFor } from "../jobs/runner";
import { missingPieces } from "../media/pieces";
import { liveLinksOf } from "../share/links";
import { browserUrl } from "../upstream-link";
import { lineageOf } from "./lineage-info";
import { presentTask } from "./present";

const { tasks, uploads, boardClips } = schema;

export interface ListFilters {
  limit: number;
  cursor?: string;
  states?: TaskState[];
  search?: string;
  parentId?: string;
  /** Only starred clips. */
  favourite?: boolean;
  /** Only clips on this board (404 when there is no such board). */
  boardId?: string;
}

function encodeCursor(row: TaskRow): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(time ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError("validation_failed", "cursor: not a cursor from this API", {
      fields: { cursor: "invalid" },
    });
  }
  return { createdAt, id };
}

/** The API's view of rows: stored keyframe links, live share links and lineage looked up in one go. */
export async function presentRows(rows: TaskRow[]): Promise<Task[]> {
  const ids = [
    ...new Set(rows.flatMap((row) => [row.startUploadId, row.endUploadId]).filter((id) => id !== null)),
  ];
  const keys = new Map<string, string>();
  if (ids.length > 0) {
    const db = await getDb();
    for (const upload of await db
      .select({ id: uploads.id, key: uploads.storageKey })
      .from(uploads)
      .where(inArray(uploads.id, ids))) {
      keys.set(upload.id, upload.key);
    }
  }
  const unsaved = rows.filter((row) => missingPieces(row).length > 0).map((row) => row.id);
  const [shares, lineage, copyJobs, boardIds] = await Promise.all([
    liveLinksOf(rows.filter((row) => row.state === "completed").map((row) => row.id)),
    lineageOf(rows),
    unsaved.length ? getDb().then((db) => jobsFor(db, JOB_KIND.mirror, unsaved)) : new Map(),
    boardIdsOf(rows.map((row) => row.id)),
  ]);
  return rows.map((row) =>
    presentTask(row, {
      uploadKeys: keys,
      toBrowser: browserUrl,
      shares,
      lineage: lineage.get(row.id),
      copyJobs,
      boardIds,
    }),
  );
}

/**
 * A gallery's first page as the studio's pages embed it in their HTML: the same tasks, without the
 * checksum of each stored copy (for API callers that verify downloads; no screen shows it), which is
 * the one field that does not compress and would cost every first load about 50 bytes a clip.
 */
export async function firstGalleryPage(filters: ListFilters): Promise<TaskPage> {
  const page = await listTasks(filters);
  return {
    ...page,
    tasks: page.tasks.map((task) => {
      if (!task.video?.sha256) return task;
      const { sha256: _checksum, ...video } = task.video;
      return { ...task, video };
    }),
  };
}

/** Newest first, with a stable keyset cursor (created_at, id) so pages never skip or repeat a task. */
export async function listTasks(filters: ListFilters): Promise<TaskPage> {
  const db = await getDb();
  const conditions: SQL[] = [];
  if (filters.cursor) {
    const { createdAt, id } = decodeCursor(filters.cursor);
    // A row comparison, so the (created_at, id) index can start right at the cursor. The explicit
    // cast: postgres.js cannot bind a Date inside raw SQL, and the type lets the index be used.
    conditions.push(
      sql`(${tasks.createdAt}, ${tasks.id}) < (${createdAt.toISOString()}::timestamptz, ${id})`,
    );
  }
  if (filters.states?.length) conditions.push(inArray(tasks.state, filters.states));
  if (filters.search) conditions.push(ilike(tasks.prompt, `%${filters.search.replace(/[\\%_]/g, "\\$&")}%`));
  if (filters.parentId) conditions.push(eq(tasks.parentId, filters.parentId));
  if (filters.favourite) conditions.push(eq(tasks.favourite, true));
  if (filters.boardId) {
    await getBoardRow(filters.boardId);
    conditions.push(
      inArray(
        tasks.id,
        db.select({ id: boardClips.taskId }).from(boardClips).where(eq(boardClips.boardId, filters.boardId)),
      ),
    );
  }
  const rows = await db
    .select()
    .from(tasks)
    .where(conditions.length ? and(...conditions) : undefined)
    // Spelled exactly like tasks_created_at_idx (desc nulls last): a plain `desc` means nulls first,
    // which the index cannot serve, and Postgres would sort the whole table for every page.
    .orderBy(sql`${tasks.createdAt} desc nulls last`, sql`${tasks.id} desc nulls last`)
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    tasks: await presentRows(page),
    nextCursor: rows.length > filters.limit && last ? encodeCursor(last) : null,
  };
}

export async function findTaskRow(id: string): Promise<TaskRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  return row ?? null;
}

export async function getTaskRow(id: string): Promise<TaskRow> {
  const row = await findTaskRow(id);
  if (!row) throw new AppError("not_found", "No clip with that id");
  return row;
}

export async function getTask(id: string): Promise<Task> {
  const [task] = await presentRows([await getTaskRow(id)]);
  return task!;
}
