/**
 * The one redaction of secrets from text that is kept or shown (error messages, stored failure reasons,
 * log lines). An upstream may echo the token altered, so each secret is found in every form seen:
 * - any case, and any fragment of 12 or more characters (a body cut mid-token, a prefix);
 * - URL-encoded (upper- or lower-case hex, even twice);
 * - base64 or base64url of anything that holds it (`Bearer <token>`, `user:<token>`), at any alignment;
 * - hex of anything that holds it.
 * An encoded run that decodes to a secret fragment is replaced whole.
 */

export type Redact = (text: string) => string;

export const MASK = "[redacted]";
/** A fragment this long (or the whole secret, when shorter) counts as the secret. */
export const FRAGMENT_CHARS = 12;

interface Compiled {
  window: number;
  grams: string[];
}

/** Lower-cases ASCII only, so indexes in the result match the original text. */
const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (run) => run.toLowerCase());

function compile(secret: string): Compiled {
  const lower = asciiLower(secret);
  const window = Math.min(FRAGMENT_CHARS, lower.length);
  const grams = new Set<string>();
  for (let at = 0; at + window <= lower.length; at += 1) grams.add(lower.slice(at, at + window));
  return { window, grams: [...grams] };
}

/** Character ranges of `text` that are a secret fragment, merged and sorted. */
function fragments(text: string, secrets: Compiled[]): Array<[number, number]> {
  const lower = asciiLower(text);
  const spans: Array<[number, number]> = [];
  for (const secret of secrets) {
    for (const gram of secret.grams) {
      for (let at = lower.indexOf(gram); at !== -1; at = lower.indexOf(gram, at + 1)) {
        spans.push([at, at + secret.window]);
      }
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

function maskSpans(text: string, spans: Array<[number, number]>): string {
  let out = "";
  let from = 0;
  for (const [start, end] of spans) {
    out += text.slice(from, start) + MASK;
    from = end;
  }
  return out + text.slice(from);
}

function percentDecode(run: string): string {
  let text = run;
  for (let round = 0; round < 3 && /%[0-9a-f]{2}/i.test(text); round += 1) {
    const bytes = text
      .replace(/\+/g, " ")
      .split(/(%[0-9a-f]{2})/i)
      .flatMap((part) =>
        /^%[0-9a-f]{2}$/i.test(part) ? [Number.parseInt(part.slice(1), 16)] : [...Buffer.from(part, "utf8")],
      );
    text = Buffer.from(bytes).toString("latin1");
  }
  return text;
}

/** Every reading of a base64 run: each of the four alignments, standard and URL-safe alphabets alike. */
function base64Readings(run: string): string[] {
  const standard = run.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  return [0, 1, 2, 3].map((skip) => Buffer.from(standard.slice(skip), "base64").toString("latin1"));
}

function hexReadings(run: string): string[] {
  return [0, 1].map((skip) => {
    const even = run.slice(skip, skip + Math.floor((run.length - skip) / 2) * 2);
    return Buffer.from(even, "hex").toString("latin1");
  });
}

/** Replaces each run of `pattern` whose decoding holds a secret fragment. */
function maskEncoded(
  text: string,
  pattern: RegExp,
  readings: (run: string) => string[],
  secrets: Compiled[],
): string {
  return text.replace(pattern, (run) =>
    readings(run).some((reading) => fragments(reading, secrets).length > 0) ? MASK : run,
  );
}

/** A redaction for these secrets (values shorter than 4 characters are ignored: too common to mask). */
export function redactorFor(values: readonly (string | null | undefined)[]): Redact {
  const unique = [...new Set(values.filter((value): value is string => !!value && value.length >= 4))];
  if (unique.length === 0) return (text) => text;
  const secrets = unique.map(compile);
  const shortest = Math.min(...secrets.map((secret) => secret.window));
  // The fewest encoded characters that can carry the shortest fragment.
  const base64Run = new RegExp(`[A-Za-z0-9+/_-]{${Math.ceil((shortest * 4) / 3)},}={0,2}`, "g");
  const hexRun = new RegExp(`[0-9a-fA-F]{${shortest * 2},}`, "g");
  const percentRun = /(?:%[0-9a-fA-F]{2}|[\w.~+-])*%[0-9a-fA-F]{2}(?:%[0-9a-fA-F]{2}|[\w.~+-])*/g;
  return (text) => {
    if (!text) return text;
    let out = maskSpans(text, fragments(text, secrets));
    out = maskEncoded(out, percentRun, (run) => [percentDecode(run)], secrets);
    out = maskEncoded(out, base64Run, base64Readings, secrets);
    return maskEncoded(out, hexRun, hexReadings, secrets);
  };
}
