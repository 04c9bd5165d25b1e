import type { Translate } from "@/lib/i18n/translate";

/**
 * The browser-side rules for keyframe files, shared by react-dropzone (drop, picker, paste on a zone)
 * and the form's own paste handler, so every path gives the same messages.
 */

export const KEYFRAME_ACCEPT = {
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/webp": [".webp"],
} as const satisfies Record<string, readonly string[]>;

export const KEYFRAME_MAX_BYTES = 20 * 1024 * 1024;
export const MAX_MB = KEYFRAME_MAX_BYTES / 1024 / 1024;

export type RuleCode = "file-invalid-type" | "file-too-large" | "too-many-files" | (string & {});

export function describeRejection(fileName: string, codes: readonly RuleCode[], t: Translate): string {
  if (codes.includes("too-many-files")) return t("Keyframe.oneAtATime");
  if (codes.includes("file-invalid-type")) return t("Keyframe.notImage", { name: fileName });
  if (codes.includes("file-too-large")) return t("Keyframe.tooLarge", { name: fileName, mb: MAX_MB });
  return t("Keyframe.cantUse", { name: fileName });
}

/** The same checks react-dropzone makes, for files that reach the form some other way. */
export function checkKeyframeFile(
  file: { name: string; type: string; size: number },
  t: Translate,
): string | null {
  const codes: RuleCode[] = [];
  if (!Object.hasOwn(KEYFRAME_ACCEPT, file.type)) codes.push("file-invalid-type");
  if (file.size > KEYFRAME_MAX_BYTES) codes.push("file-too-large");
  const name = file.name || t("Keyframe.pastedFile");
  return codes.length > 0 ? describeRejection(name, codes, t) : null;
}
