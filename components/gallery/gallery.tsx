"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { type GalleryFilters, NO_FILTERS } from "@/lib/queries/filters";
import { galleryQueryOptions, taskChangesOptions } from "@/lib/queries/tasks";
import type { Task } from "@/lib/shared/task";
import { AccountImport, useCanImport } from "../account/import-context";
import { ConnectionNotice } from "./connection-notice";
import { EmptyGallery } from "./empty-gallery";
import { GalleryToolbar } from "./gallery-toolbar";
import { LoadMore } from "./load-more";
import { TaskCard } from "./task-card";
import { useResults } from "./use-results";

/** `boardId`: only that board's clips (a board page), with `empty` shown while it holds none. */
export function Gallery({ boardId, empty }: { boardId?: string; empty?: ReactNode } = {}) {
  const [filters, setFilters] = useState<GalleryFilters>(boardId ? { ...NO_FILTERS, boardId } : NO_FILTERS);
  const query = useInfiniteQuery({
    ...galleryQueryOptions(filters),
    placeholderData: (previous) => previous,
  });
  // The live feed: a long poll that merges what moved into the lists above, and retries when the
  // studio cannot be reached (failureCount > 0 while it does).
  const live = useQuery(taskChangesOptions());
  const tasks = useMemo(() => query.data?.pages.flatMap((page) => page.tasks) ?? [], [query.data]);
  const results = useResults(tasks);
  // A board page shows only its own clips; what an import brings lands in the whole gallery.
  const canImport = useCanImport() && !boardId;
  const filtered = filters.state !== "all" || filters.q.trim() !== "" || filters.favourite === true;
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);

  return (
    <div className="@container">
      <ConnectionNotice
        reconnecting={live.failureCount > 0 && live.fetchStatus !== "idle"}
        stopped={live.isError ? live.error : null}
      />
      {tasks.length > 0 || filtered ? (
        <GalleryToolbar
          filters={filters}
          onChange={setFilters}
          action={canImport ? <AccountImport variant="toolbar" /> : null}
        />
      ) : null}
      <GalleryBody
        pending={query.isPending}
        error={query.isError ? query.error : null}
        onRetry={() => void query.refetch()}
        busy={query.isPlaceholderData}
        tasks={tasks}
        fresh={results.fresh}
        filtered={filtered}
        empty={empty ?? <EmptyGallery canImport={canImport} />}
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
  fresh: ReadonlySet<string>;
  filtered: boolean;
  empty: ReactNode;
}

function GalleryBody({ pending, error, onRetry, busy, tasks, fresh, filtered, empty }: BodyProps) {
  const t = useTranslations("Gallery");
  if (pending) {
    return (
      <p className="text-sm text-ink-muted" role="status">
        {t("loading")}
      </p>
    );
  }
  if (error && tasks.length === 0) {
    return (
      <div role="alert" className="rounded-panel border border-danger bg-danger-soft p-4 text-sm text-ink">
        {t("loadError", { reason: error.message })}{" "}
        <button type="button" className="underline" onClick={onRetry}>
          {t("tryAgain")}
        </button>
      </div>
    );
  }
  if (tasks.length === 0 && !filtered) return empty;
  if (tasks.length === 0) {
    return (
      <p
        role="status"
        className="rounded-panel border border-dashed border-line-strong p-6 text-center text-sm text-ink-muted"
      >
        {t("noMatch")}
      </p>
    );
  }
  // Masonry by CSS columns: each tile keeps its clip's shape, and no script measures anything.
  return (
    <ul
      aria-busy={busy}
      className="columns-2 gap-3 @xl:columns-3 @4xl:columns-4 @6xl:columns-5 @[96rem]:columns-6"
    >
      {tasks.map((task) => (
        <li key={task.id} className="mb-5 break-inside-avoid">
          <TaskCard task={task} fresh={fresh.has(task.id)} />
        </li>
      ))}
    </ul>
  );
}
