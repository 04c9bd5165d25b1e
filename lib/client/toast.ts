/**
 * Toasts for finished actions (copied, deleted, started, failed). Sonner is imported on demand, the same
 * chunk the lazy <Toaster> loads, so it never weighs on the studio's first load. Sonner's toasts are
 * announced politely by its own live region.
 */
export function notify(kind: "success" | "error" | "info", message: string): void {
  void import("sonner").then(({ toast }) => toast[kind](message));
}
