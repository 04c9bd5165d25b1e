import { type InfiniteData, infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import {
  isTerminalState,
  type Task,
  type TaskChanges,
  TaskChangesSchema,
  type TaskPage,
  TaskPageSchema,
  TaskSchema,
} from "@/lib/shared/task";
import { filterParams, filtersFromKey, type GalleryFilters, NO_FILTERS } from "./filters";
import { mergeChanges } from "./merge";

/**
 * Query keys and options for tasks, shared by the server page (prefetch) and the client hooks, so both
 * agree on keys and shapes. Answers are parsed with zod, never cast.
 *
 * Live updates: the gallery lists are read once (and on focus); while anything runs, one small
 * `changes` query asks "what moved since my cursor?" and merges the answer into every cached list, so
 * an open page costs one cheap database read per interval however many pages it has loaded.
 */
export const taskKeys = {
  all: ["tasks"] as const,
  lists: () => [...taskKeys.all, "list"] as const,
  list: (filters: GalleryFilters = NO_FILTERS) => [...taskKeys.lists(), filters] as const,
  changes: () => [...taskKeys.all, "changes"] as const,
  detail: (id: string) => [...taskKeys.all, "detail", id] as const,
};

export const GALLERY_PAGE_SIZE = 24;
/** While something is running the page asks our own API (a cheap database read) this often. */
export const ACTIVE_REFRESH_MS = 2_000;
/** With nothing running, the gallery still checks for clips made elsewhere this often. */
export const IDLE_REFRESH_MS = 30_000;

export function fetchTaskPage(
  filters: GalleryFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<TaskPage> {
  const params = new URLSearchParams({ limit: String(GALLERY_PAGE_SIZE), ...filterParams(filters) });
  if (cursor) params.set("cursor", cursor);
  return apiFetch(`/api/generations?${params}`, { signal }, TaskPageSchema);
}

/**
 * How often an open (visible) gallery asks our API for changes: quickly while something runs; slowly
 * when idle, so a clip started from another tab or device still shows up; never after an error.
 */
export function refreshInterval(status: string, tasks: readonly Task[]): number | false {
  if (status === "error") return false;
  return hasActiveTask(tasks) ? ACTIVE_REFRESH_MS : IDLE_REFRESH_MS;
}

export function hasActiveTask(tasks: readonly Task[]): boolean {
  return tasks.some((task) => !isTerminalState(task.state));
}

export function galleryQueryOptions(filters: GalleryFilters = NO_FILTERS) {
  return infiniteQueryOptions({
    queryKey: taskKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchTaskPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

type ListData = InfiniteData<TaskPage, string | null>;

/**
 * The live feed. Each answer is merged into every cached list right here, so the lists never poll
 * themselves. It repeats only while the last answer shows a running task; TanStack pauses intervals in
 * background tabs, and focus or a new submit (which invalidates `tasks`) starts it again.
 */
export function taskChangesOptions() {
  return queryOptions({
    queryKey: taskKeys.changes(),
    queryFn: async ({ client, signal }): Promise<TaskChanges> => {
      const previous = client.getQueryData<TaskChanges>(taskKeys.changes());
      const params = previous ? `?${new URLSearchParams({ since: previous.cursor })}` : "";
      const changes = await apiFetch(`/api/generations/changes${params}`, { signal }, TaskChangesSchema);
      if (changes.truncated) {
        await client.invalidateQueries({ queryKey: taskKeys.lists() });
      } else {
        for (const [key, data] of client.getQueriesData<ListData>({ queryKey: taskKeys.lists() })) {
          const filters = filtersFromKey(key);
          if (data && filters) client.setQueryData(key, mergeChanges(data, changes.tasks, filters));
        }
      }
      return changes;
    },
    staleTime: 0,
    refetchInterval: (query) => refreshInterval(query.state.status, query.state.data?.tasks ?? []),
  });
}

export function taskQueryOptions(id: string) {
  return queryOptions({
    queryKey: taskKeys.detail(id),
    queryFn: ({ signal }) => apiFetch(`/api/generations/${encodeURIComponent(id)}`, { signal }, TaskSchema),
  });
}
