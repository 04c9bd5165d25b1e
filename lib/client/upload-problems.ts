import type { Translate } from "@/lib/i18n/translate";

/**
 * The server's upload checks (lib/server/uploads) answer in English for the API ("file: 9000×9000 is too
 * large; …"); the page says each as its own sentence in the page's language, naming the file. An
 * unknown problem keeps the server's words in English only; in another language it gets a general one.
 */
export function uploadProblemSentence(name: string, message: string, t: Translate, locale: string): string {
  const problem = message.replace(/^file: /, "").trim();
  if (/^must be a PNG, JPEG or WebP image/.test(problem)) return t("Keyframe.notImage", { name });
  if (/could not be read/.test(problem)) return t("Keyframe.unreadable", { name });
  if (/could not be decoded/.test(problem)) return t("Keyframe.undecodable", { name });
  const heavy = /^must be at most (\d+) MB/.exec(problem);
  if (heavy) return t("Keyframe.tooLarge", { name, mb: Number(heavy[1]) });
  const large = /^(\d+)×(\d+) is too large; at most (\d+) px a side and (\d+) megapixels/.exec(problem);
  if (large) {
    const [width, height, maxSide, megapixels] = large.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    return t("Keyframe.tooBig", { name, width, height, maxSide, megapixels });
  }
  const small = /^(\d+)×(\d+) is too small; at least (\d+) px a side/.exec(problem);
  if (small) {
    const [width, height, minSide] = small.slice(1).map(Number) as [number, number, number];
    return t("Keyframe.tooSmall", { name, width, height, minSide });
  }
  return locale.startsWith("en")
    ? t("Keyframe.uploadRefused", { name, reason: problem })
    : t("Keyframe.uploadFailed", { name });
}
