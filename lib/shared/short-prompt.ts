/**
 * A prompt short enough for a label or an announcement: whole words up to `max` characters, then "…".
 * Screen readers read card and video names in full, so a cut mid-word ("neon sig") would be heard.
 */
export function shortPrompt(prompt: string, max = 80): string {
  const text = prompt.trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.search(/\s\S*$/);
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
