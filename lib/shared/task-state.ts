/**
 * The task's states and the rules on them, without the schemas: the browser's first load imports these
 * (cards, the live feed) and must not pull zod in with them. `./task` re-exports everything here.
 */

export const TASK_STATES = ["submitting", "queued", "running", "completed", "failed"] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TERMINAL_STATES: readonly TaskState[] = ["completed", "failed"];

export function isTerminalState(state: TaskState): boolean {
  return TERMINAL_STATES.includes(state);
}

/**
 * Failures the studio recorded because it could not tell whether the upstream accepted a submit (the
 * answer was lost: a timeout, a 5xx, the process stopped). The upstream may be rendering it anyway, so
 * a later upstream answer (a webhook) may still move such a task on; every other failure is final.
 */
export const UNCONFIRMED_SUBMIT_CODES: readonly string[] = ["upstream_unconfirmed", "submit_interrupted"];

export function isUnconfirmedSubmit(state: TaskState, errorCode: string | null): boolean {
  return state === "failed" && errorCode !== null && UNCONFIRMED_SUBMIT_CODES.includes(errorCode);
}

/** The longest the changes feed holds an answer (`wait`, seconds) while nothing moved. */
export const MAX_CHANGES_WAIT_SECONDS = 25;
