"use client";

import { type QueryClient, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { filtersFromKey, type GalleryFilters, NO_FILTERS } from "@/lib/queries/filters";
import { galleryQueryOptions, taskChangesOptions, taskKeys, taskQueryOptions } from "@/lib/queries/tasks";
import type { Task, TaskPage } from "@/lib/shared/task";

type ListData = { pages: TaskPage[] };

/**
 * The gallery list the viewer moves through: the one on screen under it (an active list query that
 * holds the clip), else the unfiltered list, which a directly opened viewer loads itself.
 */
function listFiltersFor(client: QueryClient, id: string): GalleryFilters {
  const lists = client
    .getQueryCache()
    .findAll({ queryKey: taskKeys.lists() })
    .filter((query) => {
      const data = query.state.data as ListData | undefined;
      return data?.pages.some((page) => page.tasks.some((task) => task.id === id));
    })
    .sort(
      (a, b) =>
        b.getObserversCount() - a.getObserversCount() || b.state.dataUpdatedAt - a.state.dataUpdatedAt,
    );
  const key = lists[0]?.queryKey;
  return (key && filtersFromKey(key)) ?? NO_FILTERS;
}

export interface ViewerClips {
  id: string;
  task: Task | null;
  /** The clip could not be found (deleted, or never existed). */
  missing: boolean;
  index: number;
  count: number;
  previous: Task | null;
  next: Task | null;
  go: (id: string) => void;
}

/**
 * Which clip the viewer shows and its neighbours in gallery order. Moving is client state plus
 * `history.replaceState` (Next keeps its router in step): no server round trip per arrow key, the
 * dialog stays mounted, and Back still leaves the viewer in one step.
 */
export function useViewerClips(initial: { id: string; task: Task | null }, onEmpty: () => void): ViewerClips {
  const client = useQueryClient();
  const [id, setId] = useState(initial.id);
  const [filters] = useState(() => listFiltersFor(client, initial.id));
  const list = useInfiniteQuery(galleryQueryOptions(filters));
  // The live feed merges what moves into the list (already running when the gallery is underneath).
  const live = useQuery(taskChangesOptions());
  const deletedElsewhere = live.data?.deletedIds.includes(id) ?? false;
  const tasks = list.data?.pages.flatMap((page) => page.tasks) ?? [];
  const index = tasks.findIndex((task) => task.id === id);
  const listed = index === -1 ? undefined : tasks[index];
  const detail = useQuery({
    ...taskQueryOptions(id),
    initialData: id === initial.id && initial.task ? initial.task : undefined,
    enabled: listed === undefined,
    retry: false,
  });
  const task = listed ?? detail.data ?? null;

  const go = (next: string) => {
    setId(next);
    window.history.replaceState(window.history.state, "", `/clips/${encodeURIComponent(next)}`);
  };

  // A clip deleted while on screen (here or in another tab): show the one that took its place. One the
  // list never held (opened by its address, far down the gallery) has no neighbour: the viewer closes.
  const lastIndex = useRef(index);
  const wasListed = useRef(false);
  const closed = useRef(false);
  useEffect(() => {
    if (index !== -1) {
      lastIndex.current = index;
      wasListed.current = true;
      return;
    }
    if (deletedElsewhere && !wasListed.current) {
      if (!closed.current) onEmpty();
      closed.current = true;
      return;
    }
    if (!wasListed.current || list.isFetching) return;
    wasListed.current = false;
    const replacement = tasks[lastIndex.current] ?? tasks[lastIndex.current - 1];
    if (replacement) go(replacement.id);
    else onEmpty();
  });

  // Near the end of what is loaded, load the next page, so → keeps going through an endless gallery.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (index !== -1 && index >= tasks.length - 2 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [index, tasks.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  return {
    id,
    task,
    missing: task === null && (detail.isError || (initial.task === null && id === initial.id)),
    index,
    count: tasks.length,
    previous: index > 0 ? (tasks[index - 1] ?? null) : null,
    next: index !== -1 ? (tasks[index + 1] ?? null) : null,
    go,
  };
}
