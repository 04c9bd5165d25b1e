"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { type GalleryFilters, NO_FILTERS } from "@/lib/queries/filters";
import { galleryQueryOptions, taskChangesOptions } from "@/lib/queries/tasks";
import type { Task } from "@/lib/shared/task";
import { EmptyGallery } from "./empty-gallery";
import { GalleryToolbar } from "./gallery-toolbar";
import { LoadMore } from "./load-more";
import { TaskCard } from "./task-card";

export function Gallery() {
  const [filters, setFilters] = useState<GalleryFilters>(NO_FILTERS);
  const query = useInfiniteQuery({
    ...galleryQueryOptions(filters),
    placeholderData: (previous) => previous,
  });
  // The live feed: merges what moved into the lists above, and only runs while something runs.
  useQuery(taskChangesOptions());
  const tasks = query.data?.pages.flatMap((page) => page.tasks) ?? [];
  const filtered = filters.state !== "all" || filters.q.trim() !== "";
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);

  return (
    <div>
      {tasks.length > 0 || filtered ? <GalleryToolbar filters={filters} onChange={setFilters} /> : null}
      <GalleryBody
        pending={query.isPending}
        error={query.isError ? query.error : null}
        onRetry={() => void query.refetch()}
        busy={query.isPlaceholderData}
        tasks={tasks}
        filtered={filtered}
      />
      {query.hasNextPage ? <LoadMore loading={query.isFetchingNextPage} onLoad={loadMore} /> : null}
    </div>
  );
}

interface BodyProps {
  pending: boolean;
  error: Error | null;
  onRetry: () => void;
  /** Showing the previous filter's clips while the new ones load. */
  busy: boolean;
  tasks: Task[];
  filtered: boolean;
}

function GalleryBody({ pending, error, onRetry, busy, tasks, filtered }: BodyProps) {
  const t = useTranslations("Gallery");
  if (pending) {
    return (
      <p className="text-sm text-zinc-500" role="status">
        {t("loading")}
      </p>
    );
  }
  if (error && tasks.length === 0) {
    return (
      <div
        role="alert"
        className="rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      >
        {t("loadError", { reason: error.message })}{" "}
        <button type="button" className="underline" onClick={onRetry}>
          {t("tryAgain")}
        </button>
      </div>
    );
  }
  if (tasks.length === 0 && !filtered) return <EmptyGallery />;
  if (tasks.length === 0) {
    return (
      <p
        role="status"
        className="rounded-xl border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
      >
        {t("noMatch")}
      </p>
    );
  }
  return (
    <ul aria-busy={busy} className="grid grid-cols-1 gap-4 sm:grid-cols-2 2xl:grid-cols-3">
      {tasks.map((task) => (
        <li key={task.id} className="[contain-intrinsic-size:auto_28rem] [content-visibility:auto]">
          <TaskCard task={task} />
        </li>
      ))}
    </ul>
  );
}
