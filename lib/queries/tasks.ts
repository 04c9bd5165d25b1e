import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
} from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { Task, TaskChanges, TaskPage } from "@/lib/shared/task";
import { isTerminalState, MAX_CHANGES_WAIT_SECONDS } from "@/lib/shared/task-state";
import { filterParams, filtersFromKey, type GalleryFilters, NO_FILTERS } from "./filters";
import { mergeChanges } from "./merge";
import { createPacer, type Pacer, paced } from "./pace";
import { isTransient, reconnectDelay } from "./reconnect";

/**
 * Query keys and options for tasks, shared by the server page (prefetch) and the client hooks, so both
 * agree on keys and shapes. Answers are parsed with zod (lib/client/schemas.ts), never cast.
 *
 * Live updates: the gallery lists are read once (and on focus); one small `changes` query asks "what
 * moved since my cursor?" as a long poll and merges the answer into every cached list, however many
 * pages the tab has loaded. The studio decides when to answer: at once when a clip finishes or fails,
 * after ~3 s for progress, after 25 s when nothing moves; so the next request starts right after each
 * answer, and the rate (about 20 a minute plus one per finished clip) is the server's to keep.
 */
export const taskKeys = {
  all: ["tasks"] as const,
  lists: () => [...taskKeys.all, "list"] as const,
  list: (filters: GalleryFilters = NO_FILTERS) => [...taskKeys.lists(), filters] as const,
  changes: () => [...taskKeys.all, "changes"] as const,
  detail: (id: string) => [...taskKeys.all, "detail", id] as const,
};

export const GALLERY_PAGE_SIZE = 24;
/** The changes feed holds each request this long while nothing moves (the server's own ceiling). */
export const CHANGES_WAIT_SECONDS = MAX_CHANGES_WAIT_SECONDS;
/** The family view (not a long poll) asks this often while one of its clips runs. */
export const ACTIVE_REFRESH_MS = 2_000;
/** After an answer while something runs, the next long poll starts at once (the studio spaces its answers). */
export const CHANGES_GAP_ACTIVE_MS = 20;
/**
 * With nothing running, a pause between long polls, so an idle tab asks no more often than the old
 * 30 s check (25 s held + 5 s).
 */
export const CHANGES_GAP_IDLE_MS = 5_000;

export function fetchTaskPage(
  filters: GalleryFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<TaskPage> {
  const params = new URLSearchParams({ limit: String(GALLERY_PAGE_SIZE), ...filterParams(filters) });
  if (cursor) params.set("cursor", cursor);
  return apiFetch(`/api/generations?${params}`, { signal }, (s) => s.TaskPageSchema);
}

/**
 * When an open (visible) gallery asks for changes again after an answer: at once while something
 * runs, after a pause when idle; no timer while a request (or its retries) is under way, and none
 * after an error the studio will not take back (a 4xx). Failures that may pass (no answer, 5xx) are
 * retried by `retry` instead, with back-off.
 */
export function refreshInterval(status: string, fetching: boolean, tasks: readonly Task[]): number | false {
  if (status === "error" || fetching) return false;
  return hasActiveTask(tasks) ? CHANGES_GAP_ACTIVE_MS : CHANGES_GAP_IDLE_MS;
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
 * One safety cap per query client (one per tab): every changes request, retries included, spends from
 * it; generous enough that it never delays an answer from a studio that spaces them (pace.ts).
 */
const pacers = new WeakMap<QueryClient, Pacer>();
function pacerFor(client: QueryClient): Pacer {
  const known = pacers.get(client);
  if (known) return known;
  const pacer = createPacer();
  pacers.set(client, pacer);
  return pacer;
}

async function fetchChanges(client: QueryClient, signal: AbortSignal): Promise<TaskChanges> {
  const previous = client.getQueryData<TaskChanges>(taskKeys.changes());
  // A page that just loaded asks without a cursor and is answered at once; after that, a long poll.
  const params = previous
    ? `?${new URLSearchParams({ since: previous.cursor, wait: String(CHANGES_WAIT_SECONDS) })}`
    : "";
  await paced(pacerFor(client), signal);
  return apiFetch(
    `/api/generations/changes${params}`,
    { signal, timeoutMs: (CHANGES_WAIT_SECONDS + 10) * 1000 },
    (s) => s.TaskChangesSchema,
  );
}

/** Merges tasks (and deletions) into every cached gallery list, each by its own filters. */
function mergeIntoLists(client: QueryClient, changed: readonly Task[], deletedIds: readonly string[] = []) {
  for (const [key, data] of client.getQueriesData<ListData>({ queryKey: taskKeys.lists() })) {
    const filters = filtersFromKey(key);
    if (data && filters) client.setQueryData(key, mergeChanges(data, changed, filters, deletedIds));
  }
}

/**
 * A clip this tab just started: it goes straight into the cached lists (placed by date, only where it
 * matches the filters) rather than every list being fetched again, and the live feed is nudged so an
 * idle one starts following it now (one under way is kept; it hears of the clip from the studio). A
 * refetch per submit cost the studio a full page read while earlier clips were finishing, and an
 * answer read before a finish could land after it and turn a card back to "Rendering…".
 */
export function showStartedTask(client: QueryClient, task: Task): Promise<void> {
  mergeIntoLists(client, [task]);
  return client.invalidateQueries({ queryKey: taskKeys.changes() }, { cancelRefetch: false });
}

/**
 * The live feed. Each answer is merged into every cached list right here, so the lists never poll
 * themselves. TanStack pauses it in background tabs; focus or a new submit (which nudges it, see
 * showStartedTask) starts it again. When the studio cannot be reached it keeps retrying with back-off (the query's
 * `failureCount` drives the "reconnecting" notice), and the cursor makes the first answer after that
 * catch up on everything missed.
 */
export function taskChangesOptions() {
  return queryOptions({
    queryKey: taskKeys.changes(),
    queryFn: async ({ client, signal }): Promise<TaskChanges> => {
      const changes = await fetchChanges(client, signal);
      if (changes.truncated) {
        await client.invalidateQueries({ queryKey: taskKeys.lists() });
      } else {
        mergeIntoLists(client, changes.tasks, changes.deletedIds);
      }
      return changes;
    },
    staleTime: 0,
    retry: (_count, error) => isTransient(error),
    retryDelay: (attempt) => reconnectDelay(attempt),
    refetchInterval: (query) =>
      refreshInterval(query.state.status, query.state.fetchStatus !== "idle", query.state.data?.tasks ?? []),
  });
}

export function taskQueryOptions(id: string) {
  return queryOptions({
    queryKey: taskKeys.detail(id),
    queryFn: ({ signal }) =>
      apiFetch(`/api/generations/${encodeURIComponent(id)}`, { signal }, (s) => s.TaskSchema),
  });
}
