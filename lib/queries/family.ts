import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { isTerminalState } from "@/lib/shared/task-state";
import { ACTIVE_REFRESH_MS, taskKeys } from "./tasks";

/** Under `taskKeys.all`, so anything that refreshes the gallery refreshes an open family view too. */
export const familyKey = (id: string) => [...taskKeys.all, "family", id] as const;

export function familyQueryOptions(id: string) {
  return queryOptions({
    queryKey: familyKey(id),
    queryFn: ({ signal }) =>
      apiFetch(`/api/generations/${encodeURIComponent(id)}/family`, { signal }, (s) => s.FamilySchema),
    refetchInterval: (query) => {
      if (query.state.status === "error") return false;
      const members = query.state.data?.members ?? [];
      return members.some((member) => !isTerminalState(member.task.state)) ? ACTIVE_REFRESH_MS : false;
    },
  });
}
