import type { SimState } from "./api";

/** Reads each upstream task's polls out of the simulator's request log. */

const POLL_ROUTES = new Set(["relay.batch", "relay.get"]);

export interface PollFigures {
  tasks: number;
  /** Mean polls per task over its life. */
  pollsPerTask: number;
  /** Mean polls per task per minute of its life (created → completed at the simulator). */
  pollsPerTaskPerMinute: number;
  /** The shortest time between two polls of one task, over all tasks. */
  minGapMs: number;
  /** Tasks polled twice closer together than the limit. */
  tooClose: { upstreamId: string; gapMs: number }[];
}

export function pollFigures(state: SimState, upstreamIds: readonly string[], minGapMs: number): PollFigures {
  const times = new Map<string, number[]>(upstreamIds.map((id) => [id, []]));
  for (const entry of state.log) {
    if (!POLL_ROUTES.has(entry.route) || entry.status !== 200) continue;
    for (const id of entry.taskIds) times.get(id)?.push(Date.parse(entry.at));
  }
  let polls = 0;
  let minutes = 0;
  let minGap = Number.POSITIVE_INFINITY;
  const tooClose: PollFigures["tooClose"] = [];
  for (const [id, list] of times) {
    list.sort((a, b) => a - b);
    polls += list.length;
    const task = state.tasks.find((candidate) => candidate.id === id);
    if (task?.completedAt) minutes += (Date.parse(task.completedAt) - Date.parse(task.createdAt)) / 60_000;
    for (let i = 1; i < list.length; i++) {
      const gap = list[i]! - list[i - 1]!;
      minGap = Math.min(minGap, gap);
      if (gap < minGapMs) tooClose.push({ upstreamId: id, gapMs: gap });
    }
  }
  return {
    tasks: upstreamIds.length,
    pollsPerTask: polls / upstreamIds.length,
    pollsPerTaskPerMinute: minutes > 0 ? polls / minutes : 0,
    minGapMs: minGap,
    tooClose,
  };
}
