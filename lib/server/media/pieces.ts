import "server-only";
import { and, eq, isNotNull, isNull, ne, or, type SQL } from "drizzle-orm";
import { type TaskRow, tasks } from "../db/schema";

/** What the mirror copies of a finished clip into storage; an image task's picture is its `thumbnail`. */
export type Piece = "video" | "thumbnail" | "lastFrame";

/** A completed task that still lacks a stored copy of something the upstream gave. */
export const missingPiece: SQL = and(
  eq(tasks.state, "completed"),
  or(
    and(ne(tasks.kind, "image"), isNull(tasks.videoKey)),
    and(isNotNull(tasks.thumbnailUrl), isNull(tasks.thumbnailKey)),
    and(isNotNull(tasks.lastFrameUrl), isNull(tasks.lastFrameKey)),
  ),
)!;

export function missingPieces(row: TaskRow): Piece[] {
  if (row.state !== "completed") return [];
  const pieces: Piece[] = [];
  if (!row.videoKey && row.kind !== "image") pieces.push("video");
  if (row.thumbnailUrl && !row.thumbnailKey) pieces.push("thumbnail");
  if (row.lastFrameUrl && !row.lastFrameKey) pieces.push("lastFrame");
  return pieces;
}
