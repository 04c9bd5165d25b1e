import "server-only";
import type { UpstreamSnapshot } from "@/lib/luma/types";
import { isUnconfirmedSubmit, type TaskState } from "@/lib/shared/task";

/**
 * Pure rules for moving a task forward from an upstream answer. Kept free of I/O so every path that
 * applies an answer (submit, watcher, webhook, manual refresh) shares them and they can be tested alone.
 */

const RANK: Record<TaskState, number> = { submitting: 0, queued: 1, running: 2, completed: 3, failed: 3 };

export interface TaskFacts {
  state: TaskState;
  upstreamId: string | null;
  videoUrl: string | null;
  errorCode: string | null;
  /** An image task (Photon) finishes with its picture, which the answer carries where a poster goes. */
  kind?: string;
  thumbnailUrl?: string | null;
}

/** The state this answer supports: "completed" only counts once the result's URL is known. */
export function stateFromSnapshot(snapshot: UpstreamSnapshot, known: TaskFacts): TaskState {
  if (snapshot.state !== "completed") return snapshot.state;
  const result =
    known.kind === "image"
      ? snapshot.thumbnailUrl || known.thumbnailUrl
      : snapshot.videoUrl || known.videoUrl;
  return result ? "completed" : "running";
}

/**
 * The next state, or null when the answer must not move the task: terminal states never change, and a
 * stale answer (lower rank than where the task already is) is ignored. The one exception is a failure
 * the studio recorded for a submit the upstream never confirmed: the upstream's own answer about it
 * (rendering, done, or its real failure) replaces that guess.
 */
export function nextState(current: TaskFacts, snapshot: UpstreamSnapshot): TaskState | null {
  if (isUnconfirmedSubmit(current.state, current.errorCode)) {
    const proposed = stateFromSnapshot(snapshot, current);
    return proposed === "submitting" ? null : proposed;
  }
  if (current.state === "completed" || current.state === "failed") return null;
  const proposed = stateFromSnapshot(snapshot, current);
  if (RANK[proposed] < RANK[current.state]) return null;
  return proposed;
}

export function isForward(from: TaskState, to: TaskState): boolean {
  return RANK[to] > RANK[from];
}
