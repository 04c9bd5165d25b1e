import "server-only";
import { eq } from "drizzle-orm";
import { getDb, schema } from "../db";
import { log } from "../log";
import { mediaStorage } from "../storage";
import { getTaskRow } from "./queries";

/** Removes a clip from the studio: its row, its share links (cascade) and its stored media. */
export async function deleteTask(id: string): Promise<void> {
  const row = await getTaskRow(id);
  const db = await getDb();
  await db.delete(schema.tasks).where(eq(schema.tasks.id, id));
  const storage = mediaStorage();
  for (const key of [row.videoKey, row.thumbnailKey, row.lastFrameKey]) {
    if (key)
      await storage.delete(key).catch((error: unknown) => log.warn("media delete failed", { key, error }));
  }
}
