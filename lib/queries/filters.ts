import type { Task, TaskState } from "@/lib/shared/task";

/** The gallery's filters, as chosen in its toolbar and sent to `GET /api/generations`. */

export const STATE_FILTERS = {
  all: null,
  active: ["submitting", "queued", "running"],
  completed: ["completed"],
  failed: ["failed"],
} as const satisfies Record<string, readonly TaskState[] | null>;

export type StateFilter = keyof typeof STATE_FILTERS;

export interface GalleryFilters {
  state: StateFilter;
  /** Prompt contains this (case-insensitive); empty for any. */
  q: string;
  /** Only starred clips (the toolbar's ★ chip). */
  favourite?: boolean;
  /** Only clips on this board (a board page). */
  boardId?: string;
}

export const NO_FILTERS: GalleryFilters = { state: "all", q: "" };

export function filterParams(filters: GalleryFilters): Record<string, string> {
  const params: Record<string, string> = {};
  const states = STATE_FILTERS[filters.state];
  if (states) params.state = states.join(",");
  const q = filters.q.trim();
  if (q) params.q = q;
  if (filters.favourite) params.favourite = "true";
  if (filters.boardId) params.board = filters.boardId;
  return params;
}

/** The browser's copy of the server's filter, used to place live changes in the right lists. */
export function matchesFilters(task: Task, filters: GalleryFilters): boolean {
  const states: readonly TaskState[] | null = STATE_FILTERS[filters.state];
  if (states && !states.includes(task.state)) return false;
  if (filters.favourite && !task.favourite) return false;
  if (filters.boardId && !task.boardIds?.includes(filters.boardId)) return false;
  const q = filters.q.trim().toLowerCase();
  return q === "" || task.prompt.toLowerCase().includes(q);
}

/** Reads the filters back out of a list query's key (keys are plain data, so they are checked). */
export function filtersFromKey(key: readonly unknown[]): GalleryFilters | null {
  const value = key[2];
  if (typeof value !== "object" || value === null) return null;
  const state = "state" in value ? value.state : undefined;
  const q = "q" in value ? value.q : undefined;
  if (typeof state !== "string" || !(state in STATE_FILTERS) || typeof q !== "string") return null;
  const favourite = "favourite" in value ? value.favourite : undefined;
  const boardId = "boardId" in value ? value.boardId : undefined;
  if (favourite !== undefined && typeof favourite !== "boolean") return null;
  if (boardId !== undefined && typeof boardId !== "string") return null;
  return {
    state: state as StateFilter,
    q,
    ...(favourite ? { favourite } : {}),
    ...(boardId ? { boardId } : {}),
  };
}
