import "server-only";
import type { Task } from "@/lib/shared/task";
import { findTaskRow, presentRows } from "../tasks/queries";

/** Ids are ours and short (the API allows 64 characters); anything longer names no clip. */
const MAX_ID_LENGTH = 64;

/** The clip a viewer URL names, or null when there is none (a 404 page, not an error). */
export async function findClip(id: string): Promise<Task | null> {
  if (id.length === 0 || id.length > MAX_ID_LENGTH) return null;
  const row = await findTaskRow(id);
  if (!row) return null;
  const [task] = await presentRows([row]);
  return task ?? null;
}
