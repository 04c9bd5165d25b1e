import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { and, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { tryNormalize } from "@/lib/luma";
import { isTerminalState, type TaskState } from "@/lib/shared/task";
import { getDb, schema } from "./db";
import { AppError } from "./http/errors";
import { log, scrub } from "./log";
import { onTaskFinished } from "./media/mirroring";
import { applyUpstreamUpdate } from "./tasks/apply";
import { findTaskRow } from "./tasks/queries";
import { hookBaseUrl } from "./upstream-link";

/**
 * Webhook (notify_hook / callback_url) receiver. Each task gets its own unguessable URL
 * `/api/hooks/luma/{taskId}.{secret}`; deliveries are unsigned, so the secret in the path is the only
 * proof, compared in constant time. Every delivery goes through applyUpstreamUpdate(), so repeats,
 * reordering and stale answers change nothing wrong.
 */

/** While webhooks arrive, the watcher's safety-net poll for that task waits at least this long. */
export const HOOK_QUIET_POLL_MS = 20_000;

export function hookUrlFor(taskId: string, secret: string | null): string | undefined {
  const base = hookBaseUrl();
  return base && secret ? `${base}/api/hooks/luma/${taskId}.${secret}` : undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export async function receiveHook(token: string, body: unknown): Promise<{ applied: boolean }> {
  const dot = token.indexOf(".");
  const taskId = dot > 0 ? token.slice(0, dot) : "";
  const secret = dot > 0 ? token.slice(dot + 1) : "";
  const task = taskId ? await findTaskRow(taskId) : null;
  // Unknown task and wrong secret answer alike, so the endpoint tells a prober nothing.
  if (!task?.hookSecret || !sameSecret(secret, task.hookSecret)) throw new AppError("not_found", "Not found");

  // A delivery may echo a secret (altered) in its failure reason or prompt: redacted before it is kept.
  const parsed = tryNormalize(body, { redact: scrub });
  if (!parsed.ok) {
    log.warn("webhook body not understood", {
      taskId,
      kind: parsed.error.kind,
      snippet: parsed.error.bodySnippet,
    });
    return { applied: false };
  }
  const result = await applyUpstreamUpdate(task.id, parsed.snapshot, "webhook");
  if (result?.finished) onTaskFinished(result.task);
  // A finished task has no poll to delay: one query less on the way of a finished clip to the screen.
  if (result && isTerminalState(result.task.state as TaskState)) return { applied: result.changed };
  const db = await getDb();
  await db
    .update(schema.tasks)
    .set({ nextPollAt: new Date(Date.now() + HOOK_QUIET_POLL_MS) })
    .where(
      and(
        eq(schema.tasks.id, task.id),
        inArray(schema.tasks.state, ["queued", "running"]),
        or(
          isNull(schema.tasks.nextPollAt),
          lt(schema.tasks.nextPollAt, new Date(Date.now() + HOOK_QUIET_POLL_MS)),
        ),
      ),
    );
  return { applied: Boolean(result?.changed) };
}
