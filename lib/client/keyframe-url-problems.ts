import type { Translate } from "@/lib/i18n/translate";

/**
 * The server words a keyframe-URL problem for the API ("the image URL could not be reached", from
 * lib/server/tasks/keyframe-url.ts); the page says each as one whole sentence about the slot it is in,
 * in the page's language ("The start keyframe's URL could not be reached. …" / "无法访问起始关键帧的链接。…").
 */

export type KeyframeSlot = "start" | "end";

/** `slot` is the slot's word in the page's language ("start" / "起始"). */
type Render = (t: Translate, slot: string, match: RegExpExecArray) => string;

const IMAGE_PROBLEMS: [RegExp, Render][] = [
  [/^must be a PNG, JPEG or WebP image/, (t, slot) => t("Composer.urlNotImage", { slot })],
  [/could not be (read|decoded)/, (t, slot) => t("Composer.urlDamaged", { slot })],
  [
    /^(\d+)×(\d+) is too large; at most (\d+) px a side and (\d+) megapixels$/,
    (t, slot, m) =>
      t("Composer.urlTooBig", {
        slot,
        width: Number(m[1]),
        height: Number(m[2]),
        maxSide: Number(m[3]),
        megapixels: Number(m[4]),
      }),
  ],
  [
    /^(\d+)×(\d+) is too small; at least (\d+) px a side$/,
    (t, slot, m) =>
      t("Composer.urlTooSmall", { slot, width: Number(m[1]), height: Number(m[2]), minSide: Number(m[3]) }),
  ],
];

const URL_PROBLEMS: [RegExp, Render][] = [
  [/^(could not be reached|stopped answering)/, (t, slot) => t("Composer.urlUnreachable", { slot })],
  [/private or local address/, (t, slot) => t("Composer.urlPrivate", { slot })],
  [/^answered HTTP (\d+)/, (t, slot, m) => t("Composer.urlStatus", { slot, status: Number(m[1]) })],
  [/^is larger than (\d+) MB/, (t, slot, m) => t("Composer.urlTooLarge", { slot, mb: Number(m[1]) })],
  [/^took too long/, (t, slot) => t("Composer.urlTimeout", { slot })],
  [/^redirects too often/, (t, slot) => t("Composer.urlRedirects", { slot })],
  [/^(Only http\(s\) URLs|URLs with credentials)/, (t, slot) => t("Composer.urlScheme", { slot })],
  [
    /^is not a usable image \((.+)\)$/s,
    (t, slot, m) => {
      const inner = (m[1] ?? "").trim();
      for (const [pattern, render] of IMAGE_PROBLEMS) {
        const found = pattern.exec(inner);
        if (found) return render(t, slot, found);
      }
      return t("Composer.urlNotImage", { slot });
    },
  ],
];

export const slotWord = (slot: KeyframeSlot, t: Translate) =>
  t(slot === "start" ? "Composer.startWord" : "Composer.endWord");

/** A whole sentence for a keyframe problem the server or the shared schema named, or null if unknown. */
export function keyframeProblemSentence(which: KeyframeSlot, problem: string, t: Translate): string | null {
  const slot = slotWord(which, t);
  const trimmed = problem.trim().replace(/\.$/, "");
  if (/^must be an http\(s\) image URL/.test(trimmed)) return t("Composer.urlScheme", { slot });
  if (/^is still uploading/.test(trimmed)) return t("Composer.stillUploading", { slot });
  if (/^unknown upload|^no uploaded image/.test(trimmed)) return t("Composer.unknownUpload", { slot });
  const rest = /^the image URL (.+)$/s.exec(trimmed)?.[1];
  if (!rest) return null;
  for (const [pattern, render] of URL_PROBLEMS) {
    const match = pattern.exec(rest);
    if (match) return render(t, slot, match);
  }
  return t("Composer.urlOther", { slot });
}
