import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { isTerminalState, type Task, type TaskPage, TaskPageSchema, TaskSchema } from "@/lib/shared/task";

/**
 * Query keys and options for tasks, shared by the server page (prefetch) and the client hooks, so both
 * agree on keys and shapes. Answers are parsed with zod, never cast.
 */

export const taskKeys = {
  all: ["tasks"] as const,
  lists: () => [...taskKeys.all, "list"] as const,
  list: (filters: { state?: string; q?: string } = {}) => [...taskKeys.lists(), filters] as const,
  detail: (id: string) => [...taskKeys.all, "detail", id] as const,
};

export const GALLERY_PAGE_SIZE = 24;
/** While something is running the gallery asks our own API (a cheap database read) this often. */
export const ACTIVE_REFRESH_MS = 2_000;

const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export class TaskFetchError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorBodySchema.safeParse(body);
    throw new TaskFetchError(
      response.status,
      parsed.success ? parsed.data.error.message : `HTTP ${response.status}`,
    );
  }
  return schema.parse(body);
}

export function fetchTaskPage(cursor: string | null, signal?: AbortSignal): Promise<TaskPage> {
  const params = new URLSearchParams({ limit: String(GALLERY_PAGE_SIZE) });
  if (cursor) params.set("cursor", cursor);
  return getJson(`/api/generations?${params}`, TaskPageSchema, signal);
}

export function hasActiveTask(tasks: readonly Task[]): boolean {
  return tasks.some((task) => !isTerminalState(task.state));
}

export function galleryQueryOptions() {
  return infiniteQueryOptions({
    queryKey: taskKeys.list(),
    queryFn: ({ pageParam, signal }) => fetchTaskPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (query) => {
      if (query.state.status === "error") return false;
      const pages = query.state.data?.pages ?? [];
      return pages.some((page) => hasActiveTask(page.tasks)) ? ACTIVE_REFRESH_MS : false;
    },
  });
}

export function taskQueryOptions(id: string) {
  return queryOptions({
    queryKey: taskKeys.detail(id),
    queryFn: ({ signal }) => getJson(`/api/generations/${encodeURIComponent(id)}`, TaskSchema, signal),
  });
}
