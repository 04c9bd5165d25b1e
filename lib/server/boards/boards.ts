import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import { type Board, type BoardInput, MAX_BOARDS } from "@/lib/shared/board";
import { getDb, schema } from "../db";
import type { BoardRow } from "../db/schema";
import { AppError } from "../http/errors";
import { randomToken } from "../tasks/ids";
import { mediaUrl } from "../tasks/present";
import { updateTask } from "../tasks/update";
import { browserUrl } from "../upstream-link";

const { boards, boardClips, tasks } = schema;

export function newBoardId(): string {
  return `b_${randomToken()}`;
}

function notFound(): AppError {
  return new AppError("not_found", "No board with that id");
}

/** A Postgres error by its SQLSTATE, however the driver wraps it. */
function hasSqlState(error: unknown, state: string): boolean {
  for (let cause = error; cause && typeof cause === "object"; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === state) return true;
  }
  return false;
}
const isUniqueViolation = (error: unknown) => hasSqlState(error, "23505");
export const isForeignKeyViolation = (error: unknown) => hasSqlState(error, "23503");

function nameTaken(name: string): AppError {
  return new AppError("conflict", `name: a board named "${name}" already exists`, {
    fields: { name: "taken" },
  });
}

/** Counts and covers (the poster of the clip added last) for the given boards, in two queries. */
async function present(rows: BoardRow[]): Promise<Board[]> {
  if (rows.length === 0) return [];
  const db = await getDb();
  const ids = rows.map((row) => row.id);
  const counts = new Map<string, number>();
  for (const entry of await db
    .select({ boardId: boardClips.boardId, n: count() })
    .from(boardClips)
    .where(inArray(boardClips.boardId, ids))
    .groupBy(boardClips.boardId)) {
    counts.set(entry.boardId, entry.n);
  }
  const covers = new Map<string, string>();
  for (const cover of await db
    .selectDistinctOn([boardClips.boardId], {
      boardId: boardClips.boardId,
      key: tasks.thumbnailKey,
      url: tasks.thumbnailUrl,
    })
    .from(boardClips)
    .innerJoin(tasks, eq(tasks.id, boardClips.taskId))
    .where(
      and(inArray(boardClips.boardId, ids), or(isNotNull(tasks.thumbnailKey), isNotNull(tasks.thumbnailUrl))),
    )
    .orderBy(boardClips.boardId, desc(boardClips.addedAt))) {
    const url = cover.key ? mediaUrl(cover.key) : cover.url ? browserUrl(cover.url) : null;
    if (url) covers.set(cover.boardId, url);
  }
  return rows.map((row) => {
    const cover = covers.get(row.id);
    return {
      id: row.id,
      name: row.name,
      clipCount: counts.get(row.id) ?? 0,
      cover: cover ? { url: cover } : null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

/** Every board, by name (case-insensitive), so a menu reads in the same order every time. */
export async function listBoards(): Promise<Board[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(boards)
    .orderBy(asc(sql`lower(${boards.name})`), asc(boards.id));
  return present(rows);
}

export async function getBoardRow(id: string): Promise<BoardRow> {
  const db = await getDb();
  const [row] = await db.select().from(boards).where(eq(boards.id, id));
  if (!row) throw notFound();
  return row;
}

export async function getBoard(id: string): Promise<Board> {
  const [board] = await present([await getBoardRow(id)]);
  return board!;
}

async function assertNameFree(name: string, except?: string): Promise<void> {
  const db = await getDb();
  const same = sql`lower(${boards.name}) = lower(${name})`;
  const [taken] = await db
    .select({ id: boards.id })
    .from(boards)
    .where(except ? and(same, ne(boards.id, except)) : same);
  if (taken) throw nameTaken(name);
}

/** A new, empty board. Names are unique whatever their case; at most MAX_BOARDS boards. */
export async function createBoard(input: BoardInput): Promise<Board> {
  const db = await getDb();
  const [total] = await db.select({ n: count() }).from(boards);
  if ((total?.n ?? 0) >= MAX_BOARDS) {
    throw new AppError(
      "conflict",
      `boards: a studio holds at most ${MAX_BOARDS} boards; delete one to make another`,
      { fields: { boards: `at most ${MAX_BOARDS}` } },
    );
  }
  await assertNameFree(input.name);
  try {
    const [row] = await db.insert(boards).values({ id: newBoardId(), name: input.name }).returning();
    return (await present([row!]))[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/** Renames a board; the same name again (in any case) is fine and changes only the spelling. */
export async function renameBoard(id: string, input: BoardInput): Promise<Board> {
  await getBoardRow(id);
  await assertNameFree(input.name, id);
  const db = await getDb();
  try {
    const [row] = await db
      .update(boards)
      .set({ name: input.name, updatedAt: new Date() })
      .where(eq(boards.id, id))
      .returning();
    if (!row) throw notFound();
    return (await present([row]))[0]!;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/**
 * Deletes a board and its memberships; the clips stay. Each clip that was on it is touched through
 * updateTask, so open tabs see its `boardIds` change through the live feed.
 */
export async function deleteBoard(id: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const members = await tx
      .select({ taskId: boardClips.taskId })
      .from(boardClips)
      .where(eq(boardClips.boardId, id));
    const [gone] = await tx.delete(boards).where(eq(boards.id, id)).returning({ id: boards.id });
    if (!gone) throw notFound();
    for (const { taskId } of members) await updateTask(tx, taskId, {});
  });
}

/** Board ids per task, for the API's `boardIds`: one query for a page of tasks. */
export async function boardIdsOf(taskIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (taskIds.length === 0) return result;
  const db = await getDb();
  for (const row of await db
    .select({ taskId: boardClips.taskId, boardId: boardClips.boardId })
    .from(boardClips)
    .where(inArray(boardClips.taskId, [...taskIds]))
    .orderBy(asc(boardClips.addedAt))) {
    const list = result.get(row.taskId);
    if (list) list.push(row.boardId);
    else result.set(row.taskId, [row.boardId]);
  }
  return result;
}
