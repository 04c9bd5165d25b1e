import "server-only";
import type { TaskCopy } from "@/lib/shared/task";
import type { JobRow, TaskRow } from "../db/schema";
import { missingPieces } from "./pieces";

/**
 * What a card says about the studio's own copy of a finished clip: nothing once every piece is stored,
 * else whether the copy is still to come, being retried (with the last failure), or given up (why).
 */
export function copyStatus(row: TaskRow, job: JobRow | undefined): TaskCopy | null {
  if (missingPieces(row).length === 0) return null;
  if (!job || (job.attempts === 0 && job.runAt !== null)) return { status: "saving", reason: null };
  return { status: job.runAt === null ? "failed" : "retrying", reason: job.lastError };
}
