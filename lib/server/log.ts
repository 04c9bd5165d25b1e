import "server-only";
import { env } from "./env";

/**
 * Structured one-line JSON logs. Secrets never reach a log line: every string is scrubbed of the
 * configured API key, passcode, session secret, simulator token, S3 secret and database password, of
 * Authorization and Cookie header values and of any `passcode` field, and errors are reduced to their
 * name and message (no `cause` chains that could
 * hold a request with an Authorization header).
 */

type Level = "debug" | "info" | "warn" | "error";

function secrets(): string[] {
  try {
    const config = env();
    const { upstream, security, simulator } = config;
    const found = [
      "apiKey" in upstream ? upstream.apiKey : null,
      security.passcode,
      security.sessionSecret,
      simulator.token,
      config.media.kind === "s3" ? (config.media.credentials?.secretAccessKey ?? null) : null,
    ];
    if (config.database.kind === "postgres") {
      const password = new URL(config.database.url).password;
      if (password) found.push(password, decodeURIComponent(password));
    }
    return found.filter((value): value is string => value !== null && value.length >= 4);
  } catch {
    return [];
  }
}

export function scrub(text: string, extra: string[] = []): string {
  let out = text;
  for (const secret of [...secrets(), ...extra]) out = out.split(secret).join("[redacted]");
  return out
    .replace(/(authorization["']?\s*[:=]\s*["']?)(bearer\s+)?[^\s"',}]+/gi, "$1[redacted]")
    .replace(/((?:set-)?cookie["']?\s*[:=]\s*["']?)[^"'}\n]+/gi, "$1[redacted]")
    .replace(/(passcode["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, "$1[redacted]");
}

function loggable(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  const entries = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, loggable(value)]));
  const line = scrub(JSON.stringify({ time: new Date().toISOString(), level, message, ...entries }));
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
