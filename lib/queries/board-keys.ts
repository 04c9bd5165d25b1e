/** Query keys for boards, apart from the hooks in boards.ts so a server page can seed its cache. */
export const boardKeys = {
  all: ["boards"] as const,
  list: () => [...boardKeys.all, "list"] as const,
  detail: (id: string) => [...boardKeys.all, "detail", id] as const,
};
