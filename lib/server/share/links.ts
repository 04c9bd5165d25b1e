import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { ShareInfo } from "@/lib/shared/task";
import { getDb, schema } from "../db";
import type { ShareLinkRow, TaskRow } from "../db/schema";
import { env } from "../env";
import { AppError } from "../http/errors";
import { updateTask } from "../tasks/update";
import { looksLikeShareToken, newShareToken } from "./tokens";

const { shareLinks, tasks } = schema;

/** Share links: at most one live link per clip; revoking stamps `revoked_at`, and the token is never reused. */

async function taskRow(taskId: string): Promise<TaskRow> {
  const db = await getDb();
  const [row] = await db.select().from(tasks).where(eq(tasks.id, taskId));
  if (!row) throw new AppError("not_found", "No clip with that id");
  return row;
}

export function sharePath(token: string): string {
  return `/s/${token}`;
}

export function presentShare(link: ShareLinkRow): ShareInfo {
  return {
    token: link.token,
    url: `${env().publicBaseUrl ?? ""}${sharePath(link.token)}`,
    showPrompt: link.showPrompt,
    views: link.views,
    createdAt: link.createdAt.toISOString(),
  };
}

/** Live links of these tasks, by task id. */
export async function liveLinksOf(taskIds: readonly string[]): Promise<Map<string, ShareLinkRow>> {
  const links = new Map<string, ShareLinkRow>();
  if (taskIds.length === 0) return links;
  const db = await getDb();
  const rows = await db
    .select()
    .from(shareLinks)
    .where(and(inArray(shareLinks.taskId, [...taskIds]), isNull(shareLinks.revokedAt)));
  for (const row of rows) links.set(row.taskId, row);
  return links;
}

/**
 * Shares a completed clip. A clip already shared keeps its link (so a second click copies the same URL)
 * and takes the new prompt setting; after "Stop sharing" a new, unrelated token is made.
 */
export async function shareTask(
  taskId: string,
  options: { showPrompt: boolean },
): Promise<{ share: ShareInfo; created: boolean }> {
  const task = await taskRow(taskId);
  if (task.state !== "completed") throw new AppError("conflict", "Only a finished clip can be shared");
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Serialises concurrent shares of one clip, so two clicks cannot leave two live links.
    await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, taskId)).for("update");
    const [live] = await tx
      .select()
      .from(shareLinks)
      .where(and(eq(shareLinks.taskId, taskId), isNull(shareLinks.revokedAt)));
    // The task's card shows its share link: an open tab must hear that it changed.
    await updateTask(tx, taskId, {});
    if (live) {
      const [updated] = await tx
        .update(shareLinks)
        .set({ showPrompt: options.showPrompt })
        .where(eq(shareLinks.token, live.token))
        .returning();
      return { share: presentShare(updated ?? live), created: false };
    }
    const [inserted] = await tx
      .insert(shareLinks)
      .values({ token: newShareToken(), taskId, showPrompt: options.showPrompt })
      .returning();
    if (!inserted) throw new Error("share link insert returned nothing");
    return { share: presentShare(inserted), created: true };
  });
}

/** "Stop sharing": the link and its media answer 404 from now on. Repeating it is harmless. */
export async function revokeShares(taskId: string): Promise<void> {
  await taskRow(taskId);
  const db = await getDb();
  const revoked = await db
    .update(shareLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(shareLinks.taskId, taskId), isNull(shareLinks.revokedAt)))
    .returning({ token: shareLinks.token });
  if (revoked.length > 0) await updateTask(db, taskId, {});
}

export interface ResolvedShare {
  link: ShareLinkRow;
  task: TaskRow;
}

/**
 * The one look-up behind every public share URL (page and media). Malformed, unknown and revoked tokens
 * all end in the same `null`, from the same single query, so their answers cannot be told apart.
 */
export async function resolveShare(token: string): Promise<ResolvedShare | null> {
  const db = await getDb();
  const [found] = await db
    .select({ link: shareLinks, task: tasks })
    .from(shareLinks)
    .innerJoin(tasks, eq(tasks.id, shareLinks.taskId))
    .where(
      and(
        eq(shareLinks.token, looksLikeShareToken(token) ? token : ""),
        isNull(shareLinks.revokedAt),
        eq(tasks.state, "completed"),
      ),
    );
  return found ?? null;
}

export async function countView(token: string): Promise<void> {
  const db = await getDb();
  await db
    .update(shareLinks)
    .set({ views: sql`${shareLinks.views} + 1` })
    .where(eq(shareLinks.token, token));
}
