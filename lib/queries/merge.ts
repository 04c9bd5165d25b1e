import type { InfiniteData } from "@tanstack/react-query";
import type { Task, TaskPage } from "@/lib/shared/task";
import { type GalleryFilters, matchesFilters } from "./filters";

type Pages = InfiniteData<TaskPage, string | null>;

/** Newest first, the same order as the API's (created_at desc, id desc). */
function newerFirst(a: Task, b: Task): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The page a task not yet listed belongs on, or -1 when it is older than everything loaded so far. */
function pageFor(data: Pages, task: Task): number {
  for (let index = 0; index < data.pages.length; index++) {
    const oldest = data.pages[index]?.tasks.at(-1);
    if (!oldest || newerFirst(task, oldest) <= 0) return index;
  }
  const last = data.pages.at(-1);
  return last && last.nextCursor === null ? data.pages.length - 1 : -1;
}

/**
 * Applies live changes to one cached gallery list: a listed task is replaced by a version at least as
 * new (or dropped when it no longer matches the filters), a new matching task is placed in date order,
 * and a deleted one leaves (deletions apply last: a task deleted while the answer was read may come
 * in both). Returns the same object when nothing differs, so React does not re-render for an
 * unchanged answer.
 */
export function mergeChanges(
  data: Pages,
  changed: readonly Task[],
  filters: GalleryFilters,
  deletedIds: readonly string[] = [],
): Pages {
  let pages = data.pages;
  let touched = false;
  for (const task of changed) {
    const matches = matchesFilters(task, filters);
    const at = pages.findIndex((page) => page.tasks.some((listed) => listed.id === task.id));
    if (at >= 0) {
      const page = pages[at]!;
      const listed = page.tasks.find((item) => item.id === task.id);
      // An answer read before the list was (a long poll under way while a submit failed) must not
      // turn a card back: the version written later wins.
      if (listed && Date.parse(task.updatedAt) < Date.parse(listed.updatedAt)) continue;
      if (matches && listed?.updatedAt === task.updatedAt && listed.state === task.state) continue;
      const tasks = matches
        ? page.tasks.map((item) => (item.id === task.id ? task : item))
        : page.tasks.filter((item) => item.id !== task.id);
      pages = pages.map((item, index) => (index === at ? { ...item, tasks } : item));
      touched = true;
    } else if (matches) {
      const target = pageFor({ ...data, pages }, task);
      if (target < 0) continue;
      pages = pages.map((item, index) =>
        index === target ? { ...item, tasks: [...item.tasks, task].sort(newerFirst) } : item,
      );
      touched = true;
    }
  }
  return removeTasks(touched ? { ...data, pages } : data, deletedIds);
}

/** Takes deleted tasks out of a cached list (at once, in the tab that deleted; from the feed, elsewhere). */
export function removeTasks(data: Pages, ids: readonly string[]): Pages {
  if (ids.length === 0) return data;
  const gone = new Set(ids);
  if (!data.pages.some((page) => page.tasks.some((task) => gone.has(task.id)))) return data;
  return {
    ...data,
    pages: data.pages.map((page) =>
      page.tasks.some((task) => gone.has(task.id))
        ? { ...page, tasks: page.tasks.filter((task) => !gone.has(task.id)) }
        : page,
    ),
  };
}
