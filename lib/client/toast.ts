/**
 * Results of actions (started, copied, deleted, ready, failed) are told once: a toast for the eye and
 * one sentence in the studio's polite live region (components/announcer.tsx) for the ear, then both
 * leave. Nothing else says them: no line lingers in a form or a panel. Sonner is imported on demand,
 * the same chunk the lazy <Toaster> loads, so it never weighs on the studio's first load; its own live
 * region is switched off (studio-toaster.tsx), or a screen reader would hear every result twice.
 */

type Listener = (sentence: string) => void;
const listeners = new Set<Listener>();

/** `message` is the toast; `sentence`, what is announced (a whole sentence; the toast's words by default). */
export function notify(kind: "success" | "error" | "info", message: string, sentence = message): void {
  void import("sonner").then(({ toast }) => toast[kind](message));
  for (const listener of listeners) listener(sentence);
}

/** The live region's feed: every announcement, in order. Returns the unsubscribe. */
export function onAnnouncement(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
