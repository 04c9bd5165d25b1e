import type { FamilyMember } from "@/lib/shared/family";
import type { Task } from "@/lib/shared/task";

/**
 * A family as one film. The chain runs from the original through the clip on screen and on down its
 * first descendants. An extension's video already holds its parent's video followed by the new part
 * (Luma's extend, and the simulator's), so a run of extensions plays from the last one's file alone,
 * with its segments as time ranges; a clip continued from a last frame is a new file, played next. A clip
 * a tool made (upscaled, with audio, modified) is another take of its parent, not a next shot: the film
 * starts at it (it holds everything its parent showed) and never steps down into one.
 */

export interface FilmSegment {
  /** 1, 2, 3… in film order. */
  number: number;
  task: Task;
  /** Where the segment sits in the whole film, seconds. */
  start: number;
  end: number;
}

export interface FilmSource {
  /** The file that plays this stretch of the film. */
  task: Task;
  url: string;
  poster: string | null;
  /** Where this file's stretch starts in the film, seconds. */
  filmStart: number;
  duration: number;
}

export interface FilmPlan {
  sources: FilmSource[];
  segments: FilmSegment[];
  duration: number;
}

const playable = (task: Task) => task.state === "completed" && task.video !== null;
// Reverse extends and bridges are new files that hold their own run: they play on their own too.
const TAKES: ReadonlySet<Task["kind"]> = new Set([
  "reverse",
  "upscale",
  "audio",
  "modify",
  "reframe",
  "bridge",
]);
const isTake = (task: Task) => TAKES.has(task.kind);
const seconds = (task: Task) => task.video?.durationSeconds ?? (Number.parseFloat(task.duration ?? "") || 5);

/** Root → … → the clip → its first descendants, stopping at a clip that cannot play (yet). */
export function filmChain(members: readonly FamilyMember[], currentId: string): Task[] {
  const byId = new Map(members.map((member) => [member.task.id, member.task]));
  const current = byId.get(currentId);
  if (!current) return [];
  const up: Task[] = [];
  for (let task: Task | undefined = current; task && !up.includes(task); ) {
    up.unshift(task);
    task = task.parentId && !isTake(task) ? byId.get(task.parentId) : undefined;
  }
  const chain = [...up];
  for (let last = current; ; ) {
    const child = members.find(
      (member) => member.task.parentId === last.id && playable(member.task) && !isTake(member.task),
    )?.task;
    if (!child || chain.includes(child)) break;
    chain.push(child);
    last = child;
  }
  const end = chain.findIndex((task) => !playable(task));
  return end === -1 ? chain : chain.slice(0, end);
}

export function planFilm(chain: readonly Task[]): FilmPlan {
  const sources: FilmSource[] = [];
  const segments: FilmSegment[] = [];
  let filmTime = 0;
  chain.forEach((task, index) => {
    const previous = chain[index - 1];
    const extendsPrevious = task.kind === "extend" && previous !== undefined && task.parentId === previous.id;
    const source = sources.at(-1);
    const length = seconds(task);
    if (extendsPrevious && source) {
      // The extension's file replays the run so far, then adds its own part: play it for the whole run.
      const runSoFar = source.duration;
      source.task = task;
      source.url = task.video?.url ?? source.url;
      source.duration = Math.max(length, runSoFar);
      segments.push({ number: index + 1, task, start: filmTime, end: source.filmStart + source.duration });
    } else {
      sources.push({
        task,
        url: task.video?.url ?? "",
        poster: task.thumbnail?.url ?? null,
        filmStart: filmTime,
        duration: length,
      });
      segments.push({ number: index + 1, task, start: filmTime, end: filmTime + length });
    }
    filmTime = segments.at(-1)?.end ?? filmTime;
  });
  return { sources, segments, duration: filmTime };
}

/** Which file plays at a film time, and where in that file. */
export function locate(plan: FilmPlan, filmTime: number): { source: number; time: number } {
  const time = Math.min(Math.max(filmTime, 0), plan.duration);
  let index = plan.sources.findIndex((source) => time < source.filmStart + source.duration);
  if (index === -1) index = plan.sources.length - 1;
  const source = plan.sources[index];
  return { source: index, time: source ? Math.min(time - source.filmStart, source.duration) : 0 };
}

export function segmentAt(plan: FilmPlan, filmTime: number): FilmSegment | undefined {
  return plan.segments.find((segment) => filmTime < segment.end) ?? plan.segments.at(-1);
}
