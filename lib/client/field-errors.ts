import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { keyframeProblemSentence } from "./keyframe-url-problems";

/**
 * Field names the create API uses, and how to show a problem next to the field it names. Each field
 * name maps to its label's key (messages/*.json, namespace Form).
 */
const LABEL_KEYS = {
  prompt: "Form.prompt",
  expandPrompt: "Form.enhance",
  model: "Form.model",
  aspectRatio: "Form.aspectRatio",
  resolution: "Form.resolution",
  duration: "Form.duration",
  loop: "Form.loop",
  startFrame: "Form.startKeyframe",
  endFrame: "Form.endKeyframe",
  concepts: "Form.camera",
} as const satisfies Record<string, MessageKey>;

export type FieldName = keyof typeof LABEL_KEYS;
export type FieldErrors = Partial<Record<FieldName, string>>;

function isFieldName(name: string): name is FieldName {
  return Object.hasOwn(LABEL_KEYS, name);
}

/**
 * The shared schema (lib/shared/generation-input.ts) words its problems in English for the API; these
 * are the ones the form can meet, matched to their translated messages.
 */
const PROBLEMS: [RegExp, (t: Translate, match: RegExpExecArray) => string][] = [
  [/^is required/, (t) => t("Problems.required")],
  [/^must be at most (\d+) characters$/, (t, m) => t("Problems.tooLong", { max: Number(m[1]) })],
  [/^must be at least (\d+) characters$/, (t, m) => t("Problems.tooShort", { min: Number(m[1]) })],
  [/^must be an http\(s\) image URL$/, (t) => t("Problems.httpUrl")],
  [/^is not supported by this provider$/, (t) => t("Problems.unsupported")],
  [/^cannot be combined with an end keyframe$/, (t) => t("Problems.loopWithEnd")],
  [
    /^must be one of (.+) \(got "(.*)"\)$/s,
    (t, m) => t("Problems.oneOf", { allowed: m[1] ?? "", got: m[2] ?? "" }),
  ],
  [/^is still uploading/, (t) => t("Keyframe.stillUploading")],
];

/**
 * "must be at most 5000 characters" on `prompt` → "Prompt must be at most 5000 characters.", with the
 * label and the known problems in the page's language; an unknown problem keeps the server's words.
 */
export function sentenceFor(field: FieldName, problem: string, t: Translate): string {
  const trimmed = problem.trim();
  if (field === "startFrame" || field === "endFrame") {
    const whole = keyframeProblemSentence(field === "startFrame" ? "start" : "end", trimmed, t);
    if (whole) return whole;
  }
  let translated = trimmed;
  for (const [pattern, render] of PROBLEMS) {
    const match = pattern.exec(trimmed);
    if (match) {
      translated = render(t, match);
      break;
    }
  }
  return t("Problems.sentence", { field: t(LABEL_KEYS[field]), problem: translated.replace(/[.。]$/, "") });
}

/**
 * Sorts server problems into the fields the form shows (a path like `startFrame.url` belongs to
 * `startFrame`) and the rest, which the form shows as one alert.
 */
export function toFieldErrors(
  fields: Readonly<Record<string, string>>,
  message: string | undefined,
  t: Translate,
): { errors: FieldErrors; other: string[] } {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const [path, problem] of Object.entries(fields)) {
    const head = path.split(/[.[]/)[0] ?? "";
    if (isFieldName(head)) errors[head] ??= sentenceFor(head, problem, t);
    else other.push(`${path}: ${problem}`);
  }
  // Validation messages read "field: problem"; without a `fields` map the message still names the field.
  const named = message ? /^([A-Za-z]+)(?:[.[][^:]*)?: (.+)$/s.exec(message) : null;
  if (Object.keys(fields).length === 0 && named?.[1] && named[2] && isFieldName(named[1])) {
    errors[named[1]] = sentenceFor(named[1], named[2], t);
  }
  return { errors, other };
}
