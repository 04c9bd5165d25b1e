import {
  type InfiniteData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useSyncExternalStore } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";
import { describeError } from "@/lib/client/error-text";
import { notify } from "@/lib/client/toast";
import type { Translate } from "@/lib/i18n/translate";
import type { Board } from "@/lib/shared/board";
import { BOARD_NAME_MAX, MAX_BOARDS } from "@/lib/shared/board-limits";
import type { Task, TaskPage } from "@/lib/shared/task";
import { boardKeys } from "./board-keys";
import { filtersFromKey } from "./filters";
import { mergeChanges } from "./merge";
import { taskKeys, taskQueryOptions } from "./tasks";

/**
 * Boards and favourites in the browser: query options, the calls, and mutations that change the
 * cached clips at once (the star, a board's tick) and put them back with a toast when the studio
 * refuses. The studio's answer (the clip as it now is) is merged into every cached list with the
 * lists' own filters, so a clip unstarred under the ★ filter leaves it, as the live feed would do.
 */

export { boardKeys };

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const boardPath = (id: string) => `/api/boards/${encodeURIComponent(id)}`;

export function boardsQueryOptions() {
  return queryOptions({
    queryKey: boardKeys.list(),
    queryFn: async ({ signal }) =>
      (await apiFetch("/api/boards", { signal }, (s) => s.BoardListSchema)).boards,
  });
}

export function boardQueryOptions(id: string) {
  return queryOptions({
    queryKey: boardKeys.detail(id),
    queryFn: ({ signal }) => apiFetch(boardPath(id), { signal }, (s) => s.BoardSchema),
  });
}

export const boardApi = {
  create: (name: string) => apiFetch("/api/boards", json("POST", { name }), (s) => s.BoardSchema),
  rename: (id: string, name: string) =>
    apiFetch(boardPath(id), json("PATCH", { name }), (s) => s.BoardSchema),
  remove: (id: string) => apiFetch(boardPath(id), { method: "DELETE" }, (s) => s.AnyAnswer),
  setClip: (boardId: string, taskId: string, member: boolean) =>
    apiFetch(
      `${boardPath(boardId)}/clips/${encodeURIComponent(taskId)}`,
      { method: member ? "PUT" : "DELETE" },
      (s) => s.TaskSchema,
    ),
  setFavourite: (taskId: string, favourite: boolean) =>
    apiFetch(
      `/api/generations/${encodeURIComponent(taskId)}/favourite`,
      { method: favourite ? "PUT" : "DELETE" },
      (s) => s.TaskSchema,
    ),
};

/** A board name problem in the page's language; null when the name is fine to send. */
export function boardNameProblem(name: string, t: Translate): string | null {
  const trimmed = name.trim();
  if (trimmed === "") return t("Boards.nameEmpty");
  if (trimmed.length > BOARD_NAME_MAX) return t("Boards.nameTooLong", { max: BOARD_NAME_MAX });
  return null;
}

/** What a refused board change says: the name taken, the limit, or the studio's own sentence. */
export function boardErrorText(error: unknown, name: string, t: Translate): string {
  if (error instanceof ApiError && error.code === "conflict") {
    if (error.fields.name) return t("Boards.nameTaken", { name: name.trim() });
    if (error.fields.boards) return t("Boards.tooMany", { max: MAX_BOARDS });
  }
  if (error instanceof ApiError && error.code === "validation_failed" && error.fields.name) {
    return boardNameProblem(name, t) ?? describeError(error, t);
  }
  return describeError(error, t);
}

type ListData = InfiniteData<TaskPage, string | null>;

/** Changes a clip wherever it is cached (every list, its detail), keeping its place. */
export function patchTask(client: QueryClient, id: string, patch: (task: Task) => Task): void {
  for (const [key, data] of client.getQueriesData<ListData>({ queryKey: taskKeys.lists() })) {
    if (!data?.pages.some((page) => page.tasks.some((task) => task.id === id))) continue;
    client.setQueryData<ListData>(key, {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        tasks: page.tasks.map((task) => (task.id === id ? patch(task) : task)),
      })),
    });
  }
  client.setQueryData<Task>(taskKeys.detail(id), (task) => (task ? patch(task) : task));
}

/** The studio's answer, merged into every cached list with that list's filters, and its detail. */
export function putTask(client: QueryClient, task: Task): void {
  for (const [key, data] of client.getQueriesData<ListData>({ queryKey: taskKeys.lists() })) {
    const filters = filtersFromKey(key);
    if (data && filters) client.setQueryData(key, mergeChanges(data, [task], filters));
  }
  client.setQueryData<Task>(taskKeys.detail(task.id), (known) => (known ? task : known));
}

function findCached(client: QueryClient, id: string): Task | undefined {
  for (const [, data] of client.getQueriesData<ListData>({ queryKey: taskKeys.lists() })) {
    for (const page of data?.pages ?? []) {
      const found = page.tasks.find((task) => task.id === id);
      if (found) return found;
    }
  }
  return client.getQueryData<Task>(taskKeys.detail(id));
}

/** A clip as the cache holds it (so a menu's ticks follow the live feed), fetched when not cached. */
export function useCachedTask(id: string): Task | undefined {
  const client = useQueryClient();
  const subscribe = useCallback(
    (onChange: () => void) => client.getQueryCache().subscribe(onChange),
    [client],
  );
  const cached = useSyncExternalStore(
    subscribe,
    () => findCached(client, id),
    () => undefined,
  );
  const fetched = useQuery({ ...taskQueryOptions(id), enabled: cached === undefined });
  return cached ?? fetched.data;
}

/** The star: flips at once, answers with the studio's clip, flips back with a toast when refused. */
export function useFavourite(task: Task) {
  const client = useQueryClient();
  const t = useTranslations();
  const mutation = useMutation({
    mutationFn: (favourite: boolean) => boardApi.setFavourite(task.id, favourite),
    onMutate: (favourite) => patchTask(client, task.id, (known) => ({ ...known, favourite })),
    onError: (error, favourite) => {
      patchTask(client, task.id, (known) => ({ ...known, favourite: !favourite }));
      notify("error", t("Boards.favouriteFailed", { reason: describeError(error, t) }));
    },
    onSuccess: (answer) => putTask(client, answer),
  });
  return { favourite: task.favourite === true, toggle: () => mutation.mutate(task.favourite !== true) };
}

function withBoard(task: Task, boardId: string, member: boolean): Task {
  const others = (task.boardIds ?? []).filter((id) => id !== boardId);
  return { ...task, boardIds: member ? [...others, boardId] : others };
}

/** A board's tick for one clip: at once in the cache, confirmed (or undone) by the studio. */
export function useBoardClip(taskId: string) {
  const client = useQueryClient();
  const t = useTranslations();
  return useMutation({
    mutationFn: ({ board, member }: { board: Board; member: boolean }) =>
      boardApi.setClip(board.id, taskId, member),
    onMutate: ({ board, member }) => patchTask(client, taskId, (task) => withBoard(task, board.id, member)),
    onError: (error, { board, member }) => {
      patchTask(client, taskId, (task) => withBoard(task, board.id, !member));
      notify("error", t("Boards.changeFailed", { reason: describeError(error, t) }));
    },
    onSuccess: (answer, { board, member }) => {
      putTask(client, answer);
      notify("success", t(member ? "Boards.addedTo" : "Boards.removedFrom", { name: board.name }));
    },
    onSettled: () => client.invalidateQueries({ queryKey: boardKeys.all }),
  });
}

function byName(a: Board, b: Board): number {
  return a.name.toLowerCase().localeCompare(b.name.toLowerCase());
}

/** Makes a board; the form shows a refusal itself (it is about what was typed), so no toast here. */
export function useCreateBoard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => boardApi.create(name.trim()),
    onSuccess: (board) => {
      client.setQueryData<Board[]>(boardKeys.list(), (boards) =>
        boards ? [...boards, board].sort(byName) : boards,
      );
      client.setQueryData(boardKeys.detail(board.id), board);
      void client.invalidateQueries({ queryKey: boardKeys.list() });
    },
  });
}

export function useRenameBoard(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => boardApi.rename(id, name.trim()),
    onSuccess: (board) => {
      client.setQueryData(boardKeys.detail(id), board);
      client.setQueryData<Board[]>(boardKeys.list(), (boards) =>
        boards?.map((known) => (known.id === id ? board : known)).sort(byName),
      );
    },
  });
}

/** Deletes a board: gone from the menus at once; its clips' lists are read again (their boardIds moved). */
export function useDeleteBoard(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => boardApi.remove(id),
    onSuccess: () => {
      client.setQueryData<Board[]>(boardKeys.list(), (boards) => boards?.filter((board) => board.id !== id));
      client.removeQueries({ queryKey: boardKeys.detail(id) });
      client.removeQueries({
        queryKey: taskKeys.lists(),
        predicate: (query) => filtersFromKey(query.queryKey)?.boardId === id,
      });
      void client.invalidateQueries({ queryKey: taskKeys.lists() });
    },
  });
}
