import { isLumaError } from "./errors";
import type { UpstreamSnapshot } from "./types";

const PARALLEL_GETS = 4;

/**
 * Fetches ids one at a time (a few in parallel). Ids the upstream does not know are left out;
 * any other failure fails the whole call, as a partial poll would look like progress that is not there.
 */
export async function getOneByOne(
  ids: readonly string[],
  get: (id: string) => Promise<UpstreamSnapshot>,
): Promise<UpstreamSnapshot[]> {
  const found = new Map<string, UpstreamSnapshot>();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      if (id === undefined) return;
      try {
        found.set(id, await get(id));
      } catch (error) {
        if (isLumaError(error) && error.kind === "not_found") continue;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_GETS, ids.length) }, worker));
  return ids.flatMap((id) => found.get(id) ?? []);
}

/** Unique, trimmed, non-empty ids in first-seen order. */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.trim()).filter(Boolean))];
}
