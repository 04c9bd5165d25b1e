/** Field names the create API uses, and how to show a problem next to the field it names. */

export const FIELD_LABELS = {
  prompt: "Prompt",
  expandPrompt: "Enhance prompt",
  model: "Model",
  aspectRatio: "Aspect ratio",
  resolution: "Resolution",
  duration: "Duration",
  loop: "Loop",
  startFrame: "Start keyframe",
  endFrame: "End keyframe",
} as const;

export type FieldName = keyof typeof FIELD_LABELS;
export type FieldErrors = Partial<Record<FieldName, string>>;

function isFieldName(name: string): name is FieldName {
  return Object.hasOwn(FIELD_LABELS, name);
}

/** "must be at most 5000 characters" on `prompt` → "Prompt must be at most 5000 characters." */
export function sentenceFor(field: FieldName, problem: string): string {
  const text = `${FIELD_LABELS[field]} ${problem.trim()}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Sorts server problems into the fields the form shows (a path like `startFrame.url` belongs to
 * `startFrame`) and the rest, which the form shows as one alert.
 */
export function toFieldErrors(
  fields: Readonly<Record<string, string>>,
  message?: string,
): { errors: FieldErrors; other: string[] } {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const [path, problem] of Object.entries(fields)) {
    const head = path.split(/[.[]/)[0] ?? "";
    if (isFieldName(head)) errors[head] ??= sentenceFor(head, problem);
    else other.push(`${path}: ${problem}`);
  }
  // Validation messages read "field: problem"; without a `fields` map the message still names the field.
  const named = message ? /^([A-Za-z]+)(?:[.[][^:]*)?: (.+)$/s.exec(message) : null;
  if (Object.keys(fields).length === 0 && named?.[1] && named[2] && isFieldName(named[1])) {
    errors[named[1]] = sentenceFor(named[1], named[2]);
  }
  return { errors, other };
}
