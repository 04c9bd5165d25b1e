import "server-only";
import { and, count, inArray, ne } from "drizzle-orm";
import { getDb, schema } from "../db";
import type { TaskRow } from "../db/schema";
import type { Lineage } from "./present";

const { tasks } = schema;

/** Lineage for a page of rows in two small queries, whatever the page size. */
export async function lineageOf(rows: readonly TaskRow[]): Promise<Map<string, Lineage>> {
  const result = new Map<string, Lineage>();
  if (rows.length === 0) return result;
  const db = await getDb();
  const parentIds = [...new Set(rows.map((row) => row.parentId).filter((id) => id !== null))];
  const parents = new Map<string, string>();
  if (parentIds.length > 0) {
    for (const parent of await db
      .select({ id: tasks.id, prompt: tasks.prompt })
      .from(tasks)
      .where(inArray(tasks.id, parentIds))) {
      parents.set(parent.id, parent.prompt);
    }
  }
  const counts = new Map<string, number>();
  for (const entry of await db
    .select({ parentId: tasks.parentId, n: count() })
    .from(tasks)
    .where(
      and(
        inArray(
          tasks.parentId,
          rows.map((row) => row.id),
        ),
        inArray(tasks.kind, ["extend", "reverse"]),
        // A refused attempt is not an extension the creator has.
        ne(tasks.state, "failed"),
      ),
    )
    .groupBy(tasks.parentId)) {
    if (entry.parentId) counts.set(entry.parentId, entry.n);
  }
  for (const row of rows) {
    result.set(row.id, {
      parentPrompt: row.parentId ? (parents.get(row.parentId) ?? null) : null,
      extensionCount: counts.get(row.id) ?? 0,
    });
  }
  return result;
}
