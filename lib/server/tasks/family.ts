import "server-only";
import { asc, inArray } from "drizzle-orm";
import type { Family } from "@/lib/shared/family";
import { getDb, schema } from "../db";
import type { TaskRow } from "../db/schema";
import { findTaskRow, getTaskRow, presentRows } from "./queries";

/** Far beyond any upstream's extend limit; only guards against a corrupt parent loop. */
const MAX_DEPTH = 200;

async function rootOf(row: TaskRow): Promise<TaskRow> {
  let current = row;
  const seen = new Set([row.id]);
  while (current.parentId && seen.size < MAX_DEPTH) {
    const parent = await findTaskRow(current.parentId);
    // A deleted ancestor ends the walk: the oldest clip still here is the family's original.
    if (!parent || seen.has(parent.id)) break;
    seen.add(parent.id);
    current = parent;
  }
  return current;
}

/** The family of any member: walks up to the original, then down one generation per query. */
export async function getFamily(id: string): Promise<Family> {
  const root = await rootOf(await getTaskRow(id));
  const db = await getDb();
  const ordered: { row: TaskRow; depth: number }[] = [{ row: root, depth: 0 }];
  const seen = new Set([root.id]);
  let generation = [root];
  for (let depth = 1; generation.length > 0 && depth < MAX_DEPTH; depth++) {
    const children = await db
      .select()
      .from(schema.tasks)
      .where(
        inArray(
          schema.tasks.parentId,
          generation.map((row) => row.id),
        ),
      )
      .orderBy(asc(schema.tasks.createdAt), asc(schema.tasks.id));
    generation = children.filter((row) => !seen.has(row.id));
    for (const row of generation) seen.add(row.id);
    // Depth-first order reads as a chain: each clip is followed by what grew from it.
    ordered.push(...generation.map((row) => ({ row, depth })));
  }
  const tasks = await presentRows(ordered.map((entry) => entry.row));
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const members = treeOrder(ordered).flatMap(({ row, depth }) => {
    const task = byId.get(row.id);
    return task ? [{ depth, task }] : [];
  });
  // A root that still names a parent grew from a clip that was deleted: it survives, but it is no original.
  return { rootId: root.id, originDeleted: root.parentId !== null, members };
}

/** Breadth-first rows → depth-first order, children in creation order under their parent. */
function treeOrder(rows: { row: TaskRow; depth: number }[]): { row: TaskRow; depth: number }[] {
  const children = new Map<string | null, { row: TaskRow; depth: number }[]>();
  for (const entry of rows.slice(1)) {
    const list = children.get(entry.row.parentId) ?? [];
    list.push(entry);
    children.set(entry.row.parentId, list);
  }
  const out: { row: TaskRow; depth: number }[] = [];
  const visit = (entry: { row: TaskRow; depth: number }) => {
    out.push(entry);
    for (const child of children.get(entry.row.id) ?? []) visit(child);
  };
  const root = rows[0];
  if (root) visit(root);
  return out;
}
