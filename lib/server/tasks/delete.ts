import "server-only";
import { eq, or } from "drizzle-orm";
import { getDb, schema } from "../db";
import type { TaskRow } from "../db/schema";
import { log } from "../log";
import { mediaStorage } from "../storage";
import { getTaskRow } from "./queries";
import { touchTasks } from "./update";

/**
 * Removes a clip from the studio: its row, its share links (cascade) and its stored media. Its
 * extensions and continuations stay: their `parent_id` still names it, so their cards say they came
 * from a deleted clip and the family view starts at the oldest clip still here (see family.ts). Open
 * tabs hear of it through the live feed: the database leaves a tombstone (`deletedIds`), and the clips
 * whose cards speak of this one (its parent's count, its extensions' "from") are touched with it.
 */
export async function deleteTask(id: string): Promise<void> {
  const row = await getTaskRow(id);
  const db = await getDb();
  const { tasks } = schema;
  await db.transaction(async (tx) => {
    await tx.delete(tasks).where(eq(tasks.id, id));
    const related = eq(tasks.parentId, id);
    await touchTasks(tx, (row.parentId && or(related, eq(tasks.id, row.parentId))) || related);
  });
  await deleteStoredMedia(row);
}

/** Best effort: a file left behind is logged, never an error for the creator. */
export async function deleteStoredMedia(row: TaskRow): Promise<void> {
  const storage = mediaStorage();
  for (const key of [row.videoKey, row.thumbnailKey, row.lastFrameKey]) {
    if (key)
      await storage.delete(key).catch((error: unknown) => log.warn("media delete failed", { key, error }));
  }
}
