/**
 * Results of actions (started, copied, deleted, ready, failed) are told once: a toast for the eye and
 * one sentence in the studio's polite live region (components/announcer.tsx) for the ear, then both
 * leave. Nothing else says them: no line lingers in a form or a panel. Sonner is imported on demand,
 * the same chunk the lazy <Toaster> loads, so it never weighs on the studio's first load; its own live
 * region is switched off (studio-toaster.tsx), or a screen reader would hear every result twice.
 */

type Listener = (sentence: string) => void;
const listeners = new Set<Listener>();

type Kind = "success" | "error" | "info";

/** Sonner's chunk, asked for once. */
let sonner: Promise<typeof import("sonner")> | undefined;
const loadSonner = () => {
  sonner ??= import("sonner");
  return sonner;
};

/** How long a toast shows (studio-toaster.tsx), unless hovered. */
export const TOAST_MS = 4_000;

/** `message` is the toast; `sentence`, what is announced (a whole sentence; the toast's words by default). */
export function notify(kind: Kind, message: string, sentence = message): void {
  void loadSonner().then(({ toast }) => toast[kind](message));
  announce(sentence);
}

/** Results of one `key` told while its toast still shows, and the toast that counts them. */
const counted = new Map<string, number>();

/**
 * A result that comes in a run (clips finishing one after another) is counted in the one toast its
 * `key` names, which updates in place ("3 clips are ready") instead of stacking a toast per clip: a
 * stack of ten said nothing more, hid the gallery's corner, and each new toast made the browser lay
 * the whole page out again. Each result is still announced in its own sentence. The count starts again
 * once the toast has gone (timed out or dismissed).
 */
export function notifyCounted(
  kind: Kind,
  key: string,
  message: (count: number) => string,
  sentence: string,
): void {
  const count = (counted.get(key) ?? 0) + 1;
  counted.set(key, count);
  const gone = () => counted.delete(key);
  void loadSonner().then(({ toast }) =>
    toast[kind](message(count), { id: key, onDismiss: gone, onAutoClose: gone }),
  );
  announce(sentence);
}

function announce(sentence: string): void {
  for (const listener of listeners) listener(sentence);
}

/** The live region's feed: every announcement, in order. Returns the unsubscribe. */
export function onAnnouncement(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
