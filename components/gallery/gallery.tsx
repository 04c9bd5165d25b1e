"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { galleryQueryOptions } from "@/lib/queries/tasks";
import { EmptyGallery } from "./empty-gallery";
import { TaskCard } from "./task-card";

export function Gallery() {
  const query = useInfiniteQuery(galleryQueryOptions());
  const tasks = query.data?.pages.flatMap((page) => page.tasks) ?? [];

  if (query.isPending) {
    return (
      <p className="text-sm text-zinc-500" role="status">
        Loading your clips…
      </p>
    );
  }
  if (query.isError && tasks.length === 0) {
    return (
      <div
        role="alert"
        className="rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      >
        Could not load your clips: {query.error.message}{" "}
        <button type="button" className="underline" onClick={() => query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (tasks.length === 0) return <EmptyGallery />;

  return (
    <div>
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {tasks.map((task) => (
          <li key={task.id}>
            <TaskCard task={task} />
          </li>
        ))}
      </ul>
      {query.hasNextPage ? (
        <div className="mt-6 flex justify-center">
          <button
            type="button"
            onClick={() => query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
            className="rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-900"
          >
            {query.isFetchingNextPage ? "Loading…" : "Show older clips"}
          </button>
        </div>
      ) : null}
    </div>
  );
}
