import { isLumaError } from "./errors";
import type { UpstreamSnapshot } from "./types";

const PARALLEL_GETS = 4;

/** What one poll of many ids learned: an answer per id, or why that id has none. */
export interface EachAnswer {
  found: Map<string, UpstreamSnapshot>;
  /** Ids whose own question failed; ids the upstream does not know are in neither map. */
  failed: Map<string, unknown>;
}

/**
 * A failure that says nothing about one id but about the upstream as a whole (it refuses us, limits
 * us, cannot be reached, or the caller gave up): asking about more ids would only repeat it.
 */
export function isSystemicFailure(error: unknown): boolean {
  if (!isLumaError(error)) return false;
  if (error.kind === "rate_limited" || error.kind === "unauthorized" || error.kind === "aborted") return true;
  return error.kind === "unavailable" && error.status === undefined;
}

/**
 * Fetches ids one at a time (a few in parallel), so one id whose answer is broken (too large, not
 * readable, a 500 for that task alone) costs only its own answer. A systemic failure stops the rest,
 * which are reported with it, and so do the first few ids all failing: then it is not one bad task.
 */
export async function getEachOneByOne(
  ids: readonly string[],
  get: (id: string) => Promise<UpstreamSnapshot>,
): Promise<EachAnswer> {
  const answer: EachAnswer = { found: new Map(), failed: new Map() };
  let next = 0;
  let stop: unknown = null;
  const worker = async () => {
    while (next < ids.length && stop === null) {
      const id = ids[next++];
      if (id === undefined) return;
      try {
        answer.found.set(id, await get(id));
      } catch (error) {
        if (isLumaError(error) && error.kind === "not_found") continue;
        answer.failed.set(id, error);
        const allFailing = answer.found.size === 0 && answer.failed.size >= PARALLEL_GETS;
        if (isSystemicFailure(error) || allFailing) stop = error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_GETS, ids.length) }, worker));
  for (const id of ids.slice(next)) answer.failed.set(id, stop);
  return answer;
}

/** The answers in the order of `ids`; any failure fails the whole call (for callers that need all). */
export function allOrThrow(ids: readonly string[], answer: EachAnswer): UpstreamSnapshot[] {
  const [first] = answer.failed.values();
  if (answer.failed.size > 0) throw first;
  return ids.flatMap((id) => answer.found.get(id) ?? []);
}

/** Fetches ids one at a time (a few in parallel); ids the upstream does not know are left out. */
export async function getOneByOne(
  ids: readonly string[],
  get: (id: string) => Promise<UpstreamSnapshot>,
): Promise<UpstreamSnapshot[]> {
  return allOrThrow(ids, await getEachOneByOne(ids, get));
}

/** Unique, trimmed, non-empty ids in first-seen order. */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.trim()).filter(Boolean))];
}
